// The shared pieces under the widgets: version-aware define, the page-wide UI locale, and the
// boundary clock.
import { expect } from '@open-wc/testing';
import { LitElement } from 'lit';
import { define } from '../../src/base/define.js';
import { VERSION } from '../../src/version.js';
import { toUiLocale, startLocalization, uiLocale, setUiLocale } from '../../src/i18n/locale.js';
import { manualClock, scheduleAt, setClock } from '../../src/base/clock.js';

describe('VERSION', () => {
  it('is the version in package.json (the build writes it)', async () => {
    const pkg = await (await fetch('/package.json')).json();
    expect(VERSION).to.equal(pkg.version);
  });
});

describe('define()', () => {
  const warnings: string[] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings.length = 0;
    console.warn = (...a: unknown[]) => void warnings.push(a.join(' '));
  });
  afterEach(() => (console.warn = warn));

  it('defines a free tag, and the same class again is a no-op', () => {
    class A extends LitElement {}
    define('fw-test-a', A);
    define('fw-test-a', A);
    expect(customElements.get('fw-test-a')).to.equal(A);
    expect(warnings).to.have.length(0);
  });

  it('keeps the first definition and warns once, naming both versions, instead of throwing', () => {
    class First extends LitElement {
      static version = '0.0.1-other';
    }
    class Second extends LitElement {}
    customElements.define('fw-test-b', First);
    expect(() => define('fw-test-b', Second)).not.to.throw();
    define('fw-test-b', Second);
    expect(customElements.get('fw-test-b')).to.equal(First);
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('0.0.1-other').and.contain(VERSION).and.contain('<fw-test-b>');
  });
});

describe('UI locale', () => {
  afterEach(async () => {
    await setUiLocale(null);
    document.documentElement.lang = 'en';
  });

  it('maps tags to the supported locales, anything else to en', () => {
    const cases: [string, string][] = [
      ['ru', 'ru'],
      ['ru-RU', 'ru'],
      ['zh', 'zh-Hans'],
      ['zh-CN', 'zh-Hans'],
      ['zh-SG', 'zh-Hans'],
      ['zh-Hans-CN', 'zh-Hans'],
      ['zh-TW', 'en'],
      ['en-GB', 'en'],
      ['de', 'en'],
      ['', 'en'],
      ['not a tag!', 'en'],
    ];
    for (const [tag, want] of cases) expect(toUiLocale(tag), tag).to.equal(want);
  });

  it('follows <html lang> live', async () => {
    startLocalization();
    document.documentElement.lang = 'ru';
    await new Promise<void>((r) => window.addEventListener('lit-localize-status', () => r(), { once: true }));
    await new Promise((r) => setTimeout(r));
    expect(uiLocale()).to.equal('ru');
    document.documentElement.lang = 'zh-CN';
    await new Promise<void>((r) => window.addEventListener('lit-localize-status', (e) => (e as CustomEvent).detail.status === 'ready' && r()));
    expect(uiLocale()).to.equal('zh-Hans');
  });

  it('a pinned locale wins over <html lang>', async () => {
    await setUiLocale('ru');
    document.documentElement.lang = 'zh';
    await new Promise((r) => setTimeout(r, 20));
    expect(uiLocale()).to.equal('ru');
  });
});

describe('scheduleAt()', () => {
  afterEach(() => setClock(null));

  it('fires once at the instant, with a single pending timer, and can be cancelled', () => {
    const c = manualClock(1_000);
    setClock(c);
    let fired = 0;
    scheduleAt(61_000, () => fired++);
    expect(c.pending()).to.equal(1);
    c.advance(59_999);
    expect(fired).to.equal(0);
    c.advance(1);
    expect(fired).to.equal(1);
    expect(c.pending()).to.equal(0);
    const cancel = scheduleAt(100_000, () => fired++);
    cancel();
    c.set(200_000);
    expect(fired).to.equal(1);
  });

  it('waits longer than a browser timeout can (2^31 ms) in steps', () => {
    const c = manualClock(0);
    setClock(c);
    let fired = false;
    const far = 40 * 24 * 3600 * 1000; // 40 days
    scheduleAt(far, () => (fired = true));
    c.advance(2 ** 31 - 1);
    expect(fired).to.equal(false);
    expect(c.pending()).to.equal(1);
    c.set(far);
    expect(fired).to.equal(true);
  });
});

describe('tag types', () => {
  it('the four tags are in HTMLElementTagNameMap (checked by the type-check; a wrong type fails tsc)', async () => {
    await import('../../src/define.js');
    const card: import('../../src/index.js').ForumSessionCard = document.createElement('forum-session-card');
    const quote: import('../../src/index.js').SpeakerQuote = document.createElement('speaker-quote');
    const strip: import('../../src/index.js').OrganizerStrip = document.createElement('organizer-strip');
    const counter: import('../../src/index.js').PartnerCounter = document.createElement('partner-counter');
    expect(card.localName).to.equal('forum-session-card');
    expect([quote, strip, counter].map((e) => e.constructor.name)).to.deep.equal(['SpeakerQuote', 'OrganizerStrip', 'PartnerCounter']);
  });
});
