// Per-element UI strings at run time, in a page that loads <speaker-quote> alone: the shared
// strings and the quote's own are translated, in every locale and after switches, also when the
// locale was loaded before the first quote existed (its strings join the loaded table); the
// session card's strings were never loaded.
import { expect, fixture, html } from '@open-wc/testing';
import { msg } from '@lit/localize';
import { setUiLocale } from '../../src/i18n/locale.js';
import { testFeed } from '../helpers/fixtures.js';
import '../../src/speaker-quote/define.js';

const notice = (el: Element) => el.shadowRoot!.querySelector('[part~="notice"]')?.textContent?.trim();

afterEach(async () => {
  await setUiLocale(null);
});

describe('per-element strings', () => {
  it('a quote made after ru was loaded: its own strings and the shared ones in ru, zh-Hans, en', async () => {
    await setUiLocale('ru');
    // Shared (src/base/feed-element.ts): in the table from the start.
    expect(msg('Forum content is unavailable right now.')).to.equal('Материалы форума сейчас недоступны.');
    const el = await fixture(html`<speaker-quote quote="no-such" .feed=${testFeed()}></speaker-quote>`);
    expect(notice(el)).to.equal('Цитата «no-such» не найдена.');
    expect(msg('Read more')).to.equal('Читать полностью');
    await setUiLocale('zh-Hans');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(notice(el)).to.equal('未找到引语“no-such”。');
    await setUiLocale('en');
    await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    expect(notice(el)).to.equal('Quote "no-such" is not in the feed.');
  });

  it('the session card’s strings are not in a page that only has the quote', async () => {
    await setUiLocale('ru');
    await fixture(html`<speaker-quote quote="no-such" .feed=${testFeed()}></speaker-quote>`);
    expect(customElements.get('forum-session-card')).to.equal(undefined);
    // Its English, not its Russian ("Страница сессии"): the session card's module never loaded.
    expect(msg('Session page')).to.equal('Session page');
    expect(msg('Add to calendar')).to.equal('Добавить в календарь'); // shared (card + programme)
  });
});
