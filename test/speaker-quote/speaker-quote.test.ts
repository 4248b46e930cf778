// <speaker-quote> in Chromium: from a feed object and from a real URL, quote= and person=,
// the three UI locales and the spec's text fallback (with lang), the session link, the photo,
// feed text as text, fallback children, missing ids, and axe in every state.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { SpeakerQuote } from '../../src/speaker-quote/speaker-quote.js';
import { setUiLocale } from '../../src/i18n/locale.js';
import { testFeed } from '../helpers/fixtures.js';
import type { FeedDocument } from '../../src/feed/types.js';
import '../../src/speaker-quote/define.js';

const FEED_URL = '/test/fixtures/quote-feed.json';
let feedJson: FeedDocument;
/** A fresh copy of the fixture feed, as a framework would hand it in. */
const quoteFeed = (): FeedDocument => structuredClone(feedJson);

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const text = (el: Element, name: string) => part(el, name)?.textContent?.trim();

async function show(attrs: { quote?: string; person?: string }, feed: unknown = quoteFeed()): Promise<SpeakerQuote> {
  const el = await fixture<SpeakerQuote>(html`<speaker-quote quote=${attrs.quote ?? ''} person=${attrs.person ?? ''} .feed=${feed}></speaker-quote>`);
  if (attrs.quote === undefined) el.removeAttribute('quote');
  if (attrs.person === undefined) el.removeAttribute('person');
  await el.updateComplete;
  return el;
}

before(async () => {
  feedJson = await (await fetch(FEED_URL)).json();
});

afterEach(async () => {
  await setUiLocale(null);
});

describe('speaker-quote: from a feed object', () => {
  it('is the element defined by define.ts', () => {
    expect(customElements.get('speaker-quote')).to.equal(SpeakerQuote);
  });

  it('renders a figure: blockquote with the words, figcaption with name, position, organisation, session link', async () => {
    await setUiLocale('en');
    const el = await show({ quote: 'wang-zh' });
    expect(el.getAttribute('state')).to.equal('ready');
    const figure = part(el, 'base')!;
    expect(figure.localName).to.equal('figure');
    const bq = part(el, 'quote')!;
    expect(bq.localName).to.equal('blockquote');
    expect(bq.parentElement).to.equal(figure);
    expect(part(el, 'text')!.parentElement).to.equal(bq);
    const caption = part(el, 'caption')!;
    expect(caption.localName).to.equal('figcaption');
    expect(caption.parentElement).to.equal(figure);
    for (const p of ['name', 'position', 'organization', 'photo', 'session-link']) expect(caption.contains(part(el, p)), p).to.equal(true);
    expect(text(el, 'name')).to.equal('Wang Fang');
    expect(text(el, 'position')).to.equal('Director');
    expect(text(el, 'organization')).to.equal('China Association of Small and Medium Enterprises');
    const link = part(el, 'session-link') as HTMLAnchorElement;
    expect(link.localName).to.equal('a');
    expect(link.getAttribute('href')).to.equal('https://forum.example.org/parks');
    expect(link.textContent!.trim()).to.equal('Industrial parks');
    // No `cite` attribute or element: the session page is not the quote's source document,
    // and a person's name is not the title of a work.
    expect(bq.hasAttribute('cite')).to.equal(false);
    expect(el.shadowRoot!.querySelector('cite')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('the figure is named by the speaker alone, so a screen reader does not read the caption twice', async () => {
    await setUiLocale('en');
    const el = await show({ quote: 'wang-zh' });
    const figure = part(el, 'base')!;
    expect(figure.querySelectorAll('figcaption')).to.have.length(1);
    // Named by the name only (not the whole caption: position, organisation and session again).
    const by = figure.getAttribute('aria-labelledby')!;
    expect(el.shadowRoot!.getElementById(by)).to.equal(part(el, 'name'));
    expect(part(el, 'name')!.textContent).to.equal('Wang Fang');
    // The monogram under the photo is decoration: hidden, and the only hidden thing.
    const hidden = [...el.shadowRoot!.querySelectorAll('[aria-hidden="true"]')];
    expect(hidden.map((h) => h.className)).to.deep.equal(['av']);
    expect(hidden[0].textContent!.trim()).to.equal('WF');
    await expect(el).to.be.accessible();
  });

  it('person= shows the latest quote by date, not the last in the list; undated counts as oldest', async () => {
    await setUiLocale('en');
    const el = await show({ person: 'wang-fang' });
    // wang-zh (2025-05-19) beats wang-old (05-18, later in the list) and wang-undated (last).
    expect(text(el, 'text')).to.equal('Сотрудничество выгодно обеим сторонам.');
  });

  it('person= on a date tie takes the later quote in the list', async () => {
    const el = await show({ person: 'ivan-petrov' });
    expect(text(el, 'text')).to.equal('Вторая из двух.');
  });

  it('person= with only undated quotes takes the last of them; a dated one added later wins', async () => {
    const doc = quoteFeed();
    doc.quotes = [
      { id: 'u1', person: 'silent', text: 'Первая без даты.' },
      { id: 'u2', person: 'silent', text: 'Вторая без даты.' },
    ];
    const el = await show({ person: 'silent' }, doc);
    expect(text(el, 'text')).to.equal('Вторая без даты.');
    const doc2 = quoteFeed();
    doc2.quotes = [{ id: 'd', person: 'silent', text: 'С датой.', date: '2020-01-01' }, ...doc.quotes!];
    el.feed = doc2;
    await el.updateComplete;
    expect(text(el, 'text')).to.equal('С датой.');
  });

  it('quote= wins over person=', async () => {
    const el = await show({ quote: 'petrov-a', person: 'wang-fang' });
    expect(text(el, 'text')).to.equal('Первая из двух.');
  });

  it('follows attribute changes', async () => {
    await setUiLocale('ru');
    const el = await show({ quote: 'petrov-a' });
    el.setAttribute('quote', 'anna');
    await el.updateComplete;
    expect(text(el, 'name')).to.equal('Анна Смирнова');
  });
});

describe('speaker-quote: locales and lang', () => {
  it('zh-Hans: the Chinese original, with no lang on the blockquote; Chinese quotation marks', async () => {
    await setUiLocale('zh-Hans');
    const el = await show({ quote: 'wang-zh' });
    expect(text(el, 'text')).to.equal('合作是双赢的。');
    expect(part(el, 'quote')!.hasAttribute('lang')).to.equal(false);
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('zh-Hans');
    expect(text(el, 'name')).to.equal('王芳');
    expect(part(el, 'name')!.hasAttribute('lang')).to.equal(false);
    expect(text(el, 'session-link')).to.equal('工业园区');
    expect(getComputedStyle(part(el, 'base')!).quotes).to.match(/^"“" "”"/);
    expect(getComputedStyle(part(el, 'text')!, '::before').content).to.equal('open-quote');
    await expect(el).to.be.accessible();
  });

  it('en: no English text, so the default language (ru) is shown with lang="ru"', async () => {
    await setUiLocale('en');
    const el = await show({ quote: 'wang-zh' });
    expect(text(el, 'text')).to.equal('Сотрудничество выгодно обеим сторонам.');
    expect(part(el, 'quote')!.getAttribute('lang')).to.equal('ru');
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('en');
    expect(getComputedStyle(part(el, 'base')!).quotes).to.match(/^"“" "”"/);
    await expect(el).to.be.accessible();
  });

  it('ru: the Russian text without lang, guillemets', async () => {
    await setUiLocale('ru');
    const el = await show({ quote: 'wang-zh' });
    expect(text(el, 'text')).to.equal('Сотрудничество выгодно обеим сторонам.');
    expect(part(el, 'quote')!.hasAttribute('lang')).to.equal(false);
    expect(part(el, 'base')!.getAttribute('lang')).to.equal('ru');
    expect(text(el, 'session-link')).to.equal('Индустриальные парки');
    expect(getComputedStyle(part(el, 'base')!).quotes).to.match(/^"«" "»"/);
    await expect(el).to.be.accessible();
  });

  it('switches live between locales on the same element', async () => {
    await setUiLocale('ru');
    const el = await show({ quote: 'wang-zh' });
    await setUiLocale('zh-Hans');
    await el.updateComplete;
    expect(text(el, 'text')).to.equal('合作是双赢的。');
    expect(text(el, 'position')).to.equal('主任');
    await setUiLocale('en');
    await el.updateComplete;
    expect(text(el, 'position')).to.equal('Director');
    expect(part(el, 'quote')!.getAttribute('lang')).to.equal('ru');
  });

  it('zh-Hans UI on a text without Chinese: the default language with lang="ru" on each fallen-back part', async () => {
    await setUiLocale('zh-Hans');
    const el = await show({ quote: 'petrov-b' });
    expect(part(el, 'quote')!.getAttribute('lang')).to.equal('ru');
    expect(part(el, 'name')!.getAttribute('lang')).to.equal('ru');
    expect(part(el, 'position')!.getAttribute('lang')).to.equal('ru');
    expect(part(el, 'session-link')!.getAttribute('lang')).to.equal('ru');
  });

  it('the shared test feed: Shang\'s quote in zh-Hans has no lang, in en falls back to ru', async () => {
    const feed = testFeed();
    await setUiLocale('zh-Hans');
    const el = await show({ person: 'shan' }, feed);
    expect(text(el, 'text')).to.equal('我们愿意参与。');
    expect(part(el, 'quote')!.hasAttribute('lang')).to.equal(false);
    await setUiLocale('en');
    await el.updateComplete;
    expect(text(el, 'text')).to.equal('Мы хотели бы принять участие.');
    expect(part(el, 'quote')!.getAttribute('lang')).to.equal('ru');
  });
});

describe('speaker-quote: session link and photo', () => {
  it('a session without a url shows its title as text, not a link', async () => {
    await setUiLocale('en');
    const el = await show({ quote: 'petrov-a' });
    const s = part(el, 'session-link')!;
    expect(s.localName).to.equal('span');
    expect(s.textContent!.trim()).to.equal('Round table');
    expect(el.shadowRoot!.querySelector('a')).to.equal(null);
  });

  it('a quote without a session has no session part', async () => {
    const el = await show({ quote: 'wang-old' });
    expect(part(el, 'session-link')).to.equal(null);
  });

  it('a javascript: session url is ignored: the quote shows, its session is named without a link', async () => {
    const doc = quoteFeed();
    doc.sessions![0]!.url = 'javascript:alert(1)';
    const el = await fixture<SpeakerQuote>(
      html`<speaker-quote quote="wang-zh" .feed=${doc}><a href="https://forum.example.org/quotes">Цитаты форума</a></speaker-quote>`,
    );
    expect(el.getAttribute('state')).to.equal('ready');
    expect(el.shadowRoot!.querySelector('[href^="javascript"]')).to.equal(null);
    expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('an unsafe url that slips past validation (the shown feed mutated in place) never reaches href; one warning', async () => {
    const loaded = new Promise<CustomEvent>((r) => document.addEventListener('forum-feed-load', (e) => r(e as CustomEvent), { once: true }));
    const el = await show({ quote: 'wang-zh' }, quoteFeed());
    expect(part(el, 'session-link')!.localName).to.equal('a');
    // The feed the element shows is the validator's clean copy (detail.feed), not the object handed in.
    const doc = (await loaded).detail.feed as ReturnType<typeof quoteFeed>;
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      doc.sessions![0]!.url = 'javascript:alert(document.domain)//speaker-quote';
      el.requestUpdate();
      await el.updateComplete;
      el.requestUpdate();
      await el.updateComplete;
    } finally {
      console.warn = warn;
    }
    const s = part(el, 'session-link')!;
    expect(s.localName).to.equal('span');
    expect(el.shadowRoot!.querySelector('[href]')).to.equal(null);
    expect(warnings.filter((w) => String(w[0]).includes('javascript:alert(document.domain)//speaker-quote'))).to.have.length(1);
  });

  it('the photo: safe src, empty alt (the name is beside it), fixed size, lazy, and it loads', async () => {
    const el = await show({ quote: 'wang-zh' });
    const img = part(el, 'photo') as HTMLImageElement;
    expect(img.localName).to.equal('img');
    expect(img.getAttribute('src')).to.equal(quoteFeed().people![0]!.photo);
    expect(img.getAttribute('alt')).to.equal('');
    expect(img.getAttribute('width')).to.equal('48');
    expect(img.getAttribute('height')).to.equal('48');
    expect(img.getAttribute('loading')).to.equal('lazy');
    await waitUntil(() => img.complete, 'photo did not finish loading');
    expect(img.naturalWidth).to.equal(1);
    expect(part(el, 'photo')).to.equal(img);
    // The reserved box (the monogram's circle) is there before and after loading: 2.75em.
    expect(img.getBoundingClientRect().width).to.equal(44);
  });

  it('a photo that fails to load is removed, leaving no broken-image box', async () => {
    await setUiLocale('ru');
    const el = await show({ quote: 'anna' });
    await waitUntil(() => !part(el, 'photo'), 'broken photo still shown');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(text(el, 'name')).to.equal('Анна Смирнова');
    await expect(el).to.be.accessible();
  });

  it('a person without a photo has no img', async () => {
    const el = await show({ quote: 'petrov-a' });
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
  });
});

describe('speaker-quote: feed text is text', () => {
  it('HTML in the quote, name and organisation is shown literally; nothing is created or run', async () => {
    (window as { __quotePwned?: number }).__quotePwned = undefined;
    const el = await show({ quote: 'html' });
    expect(text(el, 'text')).to.equal('<img src=x onerror="window.__quotePwned = 1">');
    expect(text(el, 'name')).to.equal('<b>Имя</b>');
    expect(text(el, 'organization')).to.equal('<script>window.__quotePwned = 1</script>');
    const root = el.shadowRoot!;
    expect(root.querySelector('img')).to.equal(null);
    expect(root.querySelector('b')).to.equal(null);
    expect(root.querySelector('script')).to.equal(null);
    expect((window as { __quotePwned?: number }).__quotePwned).to.equal(undefined);
  });
});

describe('speaker-quote: missing ids', () => {
  it('an unknown quote id: one localized line, state missing', async () => {
    await setUiLocale('ru');
    const el = await show({ quote: 'no-such-quote' });
    expect(el.getAttribute('state')).to.equal('missing');
    expect(text(el, 'notice')).to.equal('Цитата «no-such-quote» не найдена.');
    expect(part(el, 'base')).to.equal(null);
    await expect(el).to.be.accessible();
    await setUiLocale('zh-Hans');
    await el.updateComplete;
    expect(text(el, 'notice')).to.equal('未找到引语“no-such-quote”。');
    await setUiLocale('en');
    await el.updateComplete;
    expect(text(el, 'notice')).to.equal('Quote "no-such-quote" is not in the feed.');
  });

  it('an unknown person id, and a person with no quotes: one localized line', async () => {
    await setUiLocale('ru');
    const el = await show({ person: 'nobody' });
    expect(el.getAttribute('state')).to.equal('missing');
    expect(text(el, 'notice')).to.equal('Цитат участника «nobody» не найдено.');
    el.person = 'silent';
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('missing');
    expect(text(el, 'notice')).to.equal('Цитат участника «silent» не найдено.');
    await setUiLocale('zh-Hans');
    await el.updateComplete;
    expect(text(el, 'notice')).to.equal('未找到“silent”的引语。');
    await expect(el).to.be.accessible();
  });

  it('neither quote nor person: missing, not an exception', async () => {
    await setUiLocale('en');
    const el = await show({});
    expect(el.getAttribute('state')).to.equal('missing');
    expect(text(el, 'notice')).to.equal('Quote "" is not in the feed.');
  });

  it('a missing id with fallback children shows the children', async () => {
    const el = await fixture<SpeakerQuote>(
      html`<speaker-quote quote="no-such-quote" .feed=${quoteFeed()}><a href="https://forum.example.org/quotes">Цитаты форума</a></speaker-quote>`,
    );
    expect(el.getAttribute('state')).to.equal('missing');
    expect(el.shadowRoot!.querySelector('slot')!.assignedElements()[0]!.textContent).to.equal('Цитаты форума');
    await expect(el).to.be.accessible();
  });
});

describe('speaker-quote: from src', () => {
  it('loads a real URL and renders', async () => {
    await setUiLocale('en');
    const el = await fixture<SpeakerQuote>(html`<speaker-quote src=${FEED_URL} person="wang-fang"></speaker-quote>`);
    await waitUntil(() => el.getAttribute('state') === 'ready', 'feed did not load');
    await el.updateComplete;
    expect(text(el, 'name')).to.equal('Wang Fang');
    expect(part(el, 'quote')!.getAttribute('lang')).to.equal('ru');
    await expect(el).to.be.accessible();
  });

  it('while loading: reserves its size (skeleton, or fallback children), then shows the quote', async () => {
    const key = `q${Math.random().toString(36).slice(2)}`;
    const el = await fixture<SpeakerQuote>(html`<speaker-quote src=${`/__hold/${key}/quote-feed.json`} quote="wang-zh"></speaker-quote>`);
    const withChildren = await fixture<SpeakerQuote>(
      html`<speaker-quote src=${`/__hold/${key}/quote-feed.json`} quote="wang-zh"><a href="https://forum.example.org/quotes">Цитаты</a></speaker-quote>`,
    );
    try {
      expect(el.getAttribute('state')).to.equal('loading');
      expect(part(el, 'skeleton')).to.not.equal(null);
      // 12em at the 16px default.
      expect(el.getBoundingClientRect().height).to.equal(192);
      expect(withChildren.getAttribute('state')).to.equal('loading');
      expect(withChildren.shadowRoot!.querySelector('slot')).to.not.equal(null);
      expect(withChildren.getBoundingClientRect().height).to.equal(192);
      await expect(el).to.be.accessible();
      await expect(withChildren).to.be.accessible();
    } finally {
      await fetch(`/__hold/${key}/release`);
    }
    await waitUntil(() => el.getAttribute('state') === 'ready' && withChildren.getAttribute('state') === 'ready', 'feed did not arrive');
    await el.updateComplete;
    expect(part(el, 'base')).to.not.equal(null);
    expect(withChildren.shadowRoot!.querySelector('slot')).to.equal(null);
  });

  it('a 404 feed: fallback children stay visible, state error, forum-feed-error', async () => {
    const failed = new Promise<CustomEvent>((resolve) =>
      document.addEventListener('forum-feed-error', (e) => resolve(e as CustomEvent), { once: true }),
    );
    const el = await fixture<SpeakerQuote>(
      html`<speaker-quote src="/test/fixtures/no-such-quote-feed.json" quote="wang-zh"
        ><a href="https://forum.example.org/quotes">Цитаты форума</a></speaker-quote
      >`,
    );
    const event = await failed;
    expect(event.target).to.equal(el);
    expect(event.detail.errors.join('\n')).to.contain('404');
    await waitUntil(() => el.getAttribute('state') === 'error', 'no error state');
    await el.updateComplete;
    const slot = el.shadowRoot!.querySelector('slot')!;
    expect(slot.assignedElements()[0]!.textContent).to.equal('Цитаты форума');
    expect(el.querySelector('a')!.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(part(el, 'base')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('a 404 feed without children: one localized line', async () => {
    await setUiLocale('ru');
    const el = await fixture<SpeakerQuote>(html`<speaker-quote src="/test/fixtures/no-such-quote-feed-2.json" quote="wang-zh"></speaker-quote>`);
    await waitUntil(() => el.getAttribute('state') === 'error', 'no error state');
    await el.updateComplete;
    expect(part(el, 'notice')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('speaker-quote: theme, heading level, layout', () => {
  it('theme="dark" changes the colours', async () => {
    const el = await show({ quote: 'wang-zh' });
    const light = getComputedStyle(part(el, 'name')!).color;
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(part(el, 'name')!).color).to.not.equal(light);
    expect(getComputedStyle(part(el, 'name')!).color).to.equal('rgb(238, 240, 242)');
    await expect(el).to.be.accessible();
  });

  it('uses no heading (figure and figcaption carry the structure), whatever heading-level says', async () => {
    const el = await show({ quote: 'wang-zh' });
    // The attribute a webmaster might paste; the quote has no such property.
    el.setAttribute('heading-level', '2');
    el.requestUpdate();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]')).to.equal(null);
  });

  it('mirrors under dir="rtl" (logical properties)', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div dir="rtl"><speaker-quote quote="wang-zh" .feed=${quoteFeed()}></speaker-quote></div>`);
    const el = wrap.querySelector('speaker-quote') as SpeakerQuote;
    await el.updateComplete;
    const bq = getComputedStyle(part(el, 'quote')!);
    expect(bq.borderRightWidth).to.equal('3px');
    expect(bq.borderLeftWidth).to.equal('0px');
    const photo = part(el, 'photo')!.getBoundingClientRect();
    const who = part(el, 'name')!.getBoundingClientRect();
    expect(photo.left).to.be.greaterThan(who.left);
  });
});
