// <organizer-strip> in Chromium: from a feed object and from a real URL, the roles filter and the
// spec's order, localized headings (singular/plural) in ru/en/zh-Hans, roleLabel and its lang,
// links that open a new tab safely, logos that load, fail (a real 404) or are absent, invalid
// feeds, feed text as text, wrapping on a narrow screen, and axe in every state.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { OrganizerStrip } from '../../src/organizer-strip/organizer-strip.js';
import { setUiLocale } from '../../src/i18n/locale.js';
import type { FeedDocument, Organization, Role } from '../../src/feed/types.js';
import '../../src/organizer-strip/define.js';

const FEED_URL = '/test/fixtures/organizers-feed.json';
const LOGO_URL = new URL('/test/fixtures/organizer-logo.png', location.href).href; // 40 x 10 px
const MISSING_LOGO_URL = new URL('/test/fixtures/missing-logo.png', location.href).href; // a real 404

let feedJson: FeedDocument;
/** A fresh copy of the fixture feed, as a framework would hand it in. */
const orgFeed = (): FeedDocument => structuredClone(feedJson);
/** The fixture feed with its organisations replaced. */
const withOrgs = (organizers: Organization[]): FeedDocument => ({ ...orgFeed(), organizers });

const root = (el: Element) => el.shadowRoot!;
const all = (el: Element, part: string) => [...root(el).querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
const headings = (el: Element) => all(el, 'heading').map((h) => h.textContent!.trim());
/** Each group's organisations, by name (always text: beside a logo it is the accessible name). */
const groupNames = (el: Element) =>
  all(el, 'group').map((g) => [...g.querySelectorAll('[part~="item"]')].map((li) => li.querySelector('[part~="name"]')!.textContent));

async function show(feed: unknown, roles?: string): Promise<OrganizerStrip> {
  const el = await fixture<OrganizerStrip>(html`<organizer-strip .feed=${feed} roles=${roles ?? ''}></organizer-strip>`);
  if (roles === undefined) el.removeAttribute('roles');
  await el.updateComplete;
  return el;
}

/** Resolves once the image has loaded or failed (already settled images resolve at once). */
async function settled(img: HTMLImageElement): Promise<void> {
  if (img.complete) return;
  await new Promise((r) => {
    img.addEventListener('load', r, { once: true });
    img.addEventListener('error', r, { once: true });
  });
}

before(async function (this: { timeout(ms: number): void }) {
  // axe-core loads on its first use, slowly on a busy 2-core machine: not inside a test's budget.
  this.timeout(60_000);
  feedJson = await (await fetch(FEED_URL)).json();
  await expect(await fixture(html`<p>warm-up</p>`)).to.be.accessible();
});

afterEach(async () => {
  await setUiLocale(null);
});

describe('organizer-strip: from a feed object', () => {
  it('is the element defined by define.ts', () => {
    expect(customElements.get('organizer-strip')).to.equal(OrganizerStrip);
  });

  it("groups by role in the spec's order, whatever the feed's order, keeping the feed's order within a group", async () => {
    await setUiLocale('en');
    const el = await show(orgFeed());
    expect(el.getAttribute('state')).to.equal('ready');
    expect(headings(el)).to.deep.equal(['Organizer', 'Supported by', 'Operator', 'General partner', 'Partner', 'Media partner']);
    expect(groupNames(el)).to.deep.equal([
      ['Government of Khabarovsk Territory'],
      ['Russian Foreign Ministry', 'Ministry of Economic Development', 'Ministry for the Development of the Far East and Arctic', 'Far East and Arctic Development Corporation', 'ВЭБ.РФ'],
      ['Roscongress Foundation'],
      ['Gazprombank', 'Sber'],
      ['Russian Railways'],
      ['TASS'],
    ]);
    await expect(el).to.be.accessible();
  });

  it('uses a list per group, with the heading before it, all inside the base part', async () => {
    const el = await show(orgFeed());
    const base = all(el, 'base')[0];
    for (const g of all(el, 'group')) {
      expect(g.localName).to.equal('section');
      expect(g.parentElement).to.equal(base);
      const [h, list] = [...g.children];
      expect(h.getAttribute('part')).to.equal('heading');
      expect(list.localName).to.equal('ul');
      expect(list.getAttribute('part')).to.equal('list');
      expect([...list.children].every((li) => li.localName === 'li' && li.getAttribute('part') === 'item')).to.equal(true);
    }
  });

  it('roles selects the groups; the spec still orders them', async () => {
    await setUiLocale('en');
    let el = await show(orgFeed(), 'operator  partner organizer');
    expect(headings(el)).to.deep.equal(['Organizer', 'Operator', 'General partner', 'Partner']);
    el = await show(orgFeed(), 'media-partner');
    expect(headings(el)).to.deep.equal(['Media partner']);
    el.roles = 'support unknown-role';
    await el.updateComplete;
    expect(headings(el)).to.deep.equal(['Supported by']);
  });

  it('an empty roles attribute means every role', async () => {
    const el = await show(orgFeed(), ' ');
    expect(all(el, 'group')).to.have.length(6);
  });

  it('roles that the feed has none of: the missing state with a localized line, or the fallback children', async () => {
    await setUiLocale('ru');
    const el = await show(withOrgs(orgFeed().organizers!.filter((o) => o.role !== 'partner')), 'partner');
    expect(el.getAttribute('state')).to.equal('missing');
    expect(all(el, 'group')).to.have.length(0);
    expect(all(el, 'notice')[0].textContent!.trim()).to.equal('Нет сведений об организациях.');
    await expect(el).to.be.accessible();

    const withChildren = await fixture<OrganizerStrip>(
      html`<organizer-strip roles="partner" .feed=${withOrgs([])}><a href="https://forum.example.org/partners">Партнёры форума</a></organizer-strip>`,
    );
    expect(withChildren.getAttribute('state')).to.equal('missing');
    expect(root(withChildren).querySelector('slot')).to.not.equal(null);
    expect(all(withChildren, 'notice')).to.have.length(0);
    await expect(withChildren).to.be.accessible();
  });
});

describe('organizer-strip: localized headings', () => {
  const ROLES: Role[] = ['organizer', 'support', 'operator', 'partner', 'media-partner'];
  /** n organisations of every role. */
  const everyRole = (n: number) =>
    withOrgs(ROLES.flatMap((role) => Array.from({ length: n }, (_, i) => ({ id: `${role}-${i}`, role, name: `${role} ${i}` }))));
  const expected: Record<string, [string[], string[]]> = {
    en: [
      ['Organizer', 'Supported by', 'Operator', 'Partner', 'Media partner'],
      ['Organizers', 'Supported by', 'Operators', 'Partners', 'Media partners'],
    ],
    ru: [
      ['Организатор', 'При поддержке', 'Оператор', 'Партнёр', 'Информационный партнёр'],
      ['Организаторы', 'При поддержке', 'Операторы', 'Партнёры', 'Информационные партнёры'],
    ],
    'zh-Hans': [
      ['主办单位', '支持单位', '承办单位', '合作伙伴', '媒体合作伙伴'],
      ['主办单位', '支持单位', '承办单位', '合作伙伴', '媒体合作伙伴'],
    ],
  };

  for (const [locale, [one, many]] of Object.entries(expected)) {
    it(`${locale}: singular for one organisation, plural for more, and switches live`, async () => {
      const single = await show(everyRole(1));
      const several = await show(everyRole(2));
      await setUiLocale(locale);
      await single.updateComplete;
      await several.updateComplete;
      expect(headings(single)).to.deep.equal(one);
      expect(headings(several)).to.deep.equal(many);
      // The UI's own headings are in the UI's language: no lang attribute.
      expect(all(several, 'heading').every((h) => !h.hasAttribute('lang'))).to.equal(true);
      await expect(several).to.be.accessible();
    });
  }

  it('plural is by count, not by plural category (21 organisers are "Организаторы")', async () => {
    await setUiLocale('ru');
    const el = await show(withOrgs(Array.from({ length: 21 }, (_, i) => ({ id: `o${i}`, role: 'organizer' as const, name: `O${i}` }))));
    expect(headings(el)).to.deep.equal(['Организаторы']);
  });

  it('roleLabel overrides the heading, groups organisations sharing it, and carries lang when it falls back', async () => {
    await setUiLocale('en');
    const el = await show(orgFeed(), 'partner');
    const [label, plain] = all(el, 'heading');
    expect(label.textContent!.trim()).to.equal('General partner');
    expect(label.hasAttribute('lang')).to.equal(false);
    expect(plain.textContent!.trim()).to.equal('Partner');

    await setUiLocale('zh-Hans');
    await el.updateComplete;
    const [zhLabel, zhPlain] = all(el, 'heading');
    // No zh-Hans label in the feed: the defaultLanguage (ru) is shown, marked as such.
    expect(zhLabel.textContent!.trim()).to.equal('Генеральный партнёр');
    expect(zhLabel.getAttribute('lang')).to.equal('ru');
    expect(zhPlain.textContent!.trim()).to.equal('合作伙伴');
    expect(zhPlain.hasAttribute('lang')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('headings follow heading-level', async () => {
    const el = await fixture<OrganizerStrip>(html`<organizer-strip heading-level="2" .feed=${orgFeed()}></organizer-strip>`);
    expect(all(el, 'heading').map((h) => h.localName)).to.deep.equal(Array(6).fill('h2'));
    el.headingLevel = 5;
    await el.updateComplete;
    expect(all(el, 'heading').map((h) => h.localName)).to.deep.equal(Array(6).fill('h5'));
  });
});

describe('organizer-strip: links and logos', () => {
  it("links to each site in a new tab with noopener, with a localized hint that it opens a new tab", async () => {
    await setUiLocale('ru');
    const el = await show(orgFeed(), 'organizer');
    const a = all(el, 'link')[0] as HTMLAnchorElement;
    expect(a.localName).to.equal('a');
    expect(a.getAttribute('href')).to.equal('https://khabkrai.example.org/');
    expect(a.target).to.equal('_blank');
    expect(a.rel.split(/\s+/)).to.include.members(['noopener', 'noreferrer']);
    const hint = a.querySelector('.visually-hidden') as HTMLElement;
    expect(hint.textContent!.trim()).to.equal('(откроется в новой вкладке)');
    // Visually hidden, yet in the accessibility tree (not display:none).
    expect(hint.getBoundingClientRect().width).to.be.at.most(1);
    expect(getComputedStyle(hint).display).to.not.equal('none');
    await setUiLocale('zh-Hans');
    await el.updateComplete;
    expect(hint.textContent!.trim()).to.equal('（在新标签页中打开）');
    await setUiLocale('en');
    await el.updateComplete;
    expect(hint.textContent!.trim()).to.equal('(opens in a new tab)');
  });

  it('an organisation without a url is not a link', async () => {
    await setUiLocale('en');
    const el = await show(orgFeed(), 'support');
    const veb = all(el, 'item').at(-1)!;
    expect(veb.textContent!.trim()).to.equal('ВЭБ.РФ');
    expect(veb.querySelector('a')).to.equal(null);
    expect(all(el, 'link')).to.have.length(4);
  });

  it("shows a logo as decoration beside the organisation's name (the accessible name, with lang when it fell back)", async () => {
    await setUiLocale('en');
    const el = await show(
      withOrgs([
        { id: 'a', role: 'organizer', name: { ru: 'Правительство края', en: 'Regional government' }, logo: LOGO_URL, url: 'https://a.example.org/' },
        { id: 'b', role: 'organizer', name: 'Только по-русски', logo: LOGO_URL },
      ]),
    );
    const [a, b] = all(el, 'logo') as HTMLImageElement[];
    expect(a.localName).to.equal('img');
    expect(a.getAttribute('src')).to.equal(LOGO_URL);
    // Empty alt: the name beside it is the text, so a screen reader says it once.
    expect([a.alt, b.alt]).to.deep.equal(['', '']);
    const [na, nb] = all(el, 'name');
    expect(na.textContent).to.equal('Regional government');
    expect(na.hasAttribute('lang')).to.equal(false);
    expect(nb.textContent).to.equal('Только по-русски');
    expect(nb.getAttribute('lang')).to.equal('ru');
    // Visually hidden beside the logo (clipped to nothing), not display:none.
    expect(getComputedStyle(na).clipPath).to.equal('inset(50%)');
    expect(root(el).querySelector('a')!.textContent).to.contain('Regional government');
    await settled(a);
    expect(a.naturalWidth).to.equal(40);
    await expect(el).to.be.accessible();
  });

  it('sizes logos by --forum-logo-height (default 3rem) with their own proportions', async () => {
    const el = await show(withOrgs([{ id: 'a', role: 'organizer', name: 'A', logo: LOGO_URL }]));
    const img = all(el, 'logo')[0] as HTMLImageElement;
    // The height is reserved before the image arrives.
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    expect(img.getBoundingClientRect().height).to.equal(3 * rem);
    await settled(img);
    expect(img.naturalWidth).to.equal(40);
    expect(img.getBoundingClientRect().width).to.be.closeTo(12 * rem, 0.5); // 40:10 at 3rem high
    el.style.setProperty('--forum-logo-height', '20px');
    expect(img.getBoundingClientRect().height).to.equal(20);
    expect(img.getBoundingClientRect().width).to.be.closeTo(80, 0.5);
  });

  it('a logo that fails to load (a real 404) is replaced by the name as text', async () => {
    await setUiLocale('en');
    const el = await show(
      withOrgs([{ id: 'a', role: 'operator', name: { ru: 'Фонд Росконгресс', en: 'Roscongress Foundation' }, logo: MISSING_LOGO_URL, url: 'https://a.example.org/' }]),
    );
    // The first (and only) use of this URL in this file: an img is tried first.
    const img = all(el, 'logo')[0] as HTMLImageElement;
    expect(img.getAttribute('src')).to.equal(MISSING_LOGO_URL);
    if (!img.complete) await oneEvent(img, 'error');
    await el.updateComplete;
    expect(all(el, 'logo')).to.have.length(0);
    const name = all(el, 'name')[0];
    expect(name.textContent).to.equal('Roscongress Foundation');
    expect(name.parentElement!.localName).to.equal('a');
    await expect(el).to.be.accessible();
    // The failure was real: the test server has no such file.
    expect((await fetch(MISSING_LOGO_URL)).status).to.equal(404);
  });

  it('without a logo, the name as text', async () => {
    await setUiLocale('zh-Hans');
    const el = await show(orgFeed(), 'partner');
    expect(all(el, 'logo')).to.have.length(0);
    const names = all(el, 'name');
    expect(names.map((n) => n.textContent)).to.deep.equal(['俄气银行', 'Сбер', '俄罗斯铁路']);
    // Sber has no zh-Hans name: the en/ru fallback is marked.
    expect(names[1].getAttribute('lang')).to.equal('ru');
    expect(names[0].hasAttribute('lang')).to.equal(false);
  });

  it('HTML in names is shown as text, never parsed', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><b>Bold</b>';
    const el = await show(withOrgs([{ id: 'a', role: 'organizer', name: evil, url: 'https://a.example.org/' }, { id: 'b', role: 'organizer', name: evil, logo: LOGO_URL }]));
    const name = all(el, 'name')[0];
    expect(name.textContent).to.equal(evil);
    expect(name.children).to.have.length(0);
    expect(all(el, 'name')[1].textContent).to.equal(evil);
    expect(root(el).querySelectorAll('b')).to.have.length(0);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});

describe('organizer-strip: invalid feeds and unsafe URLs', () => {
  for (const [field, value] of [
    ['url', 'javascript:alert(1)'],
    ['logo', 'data:image/svg+xml,<svg onload="alert(1)"/>'],
  ] as const) {
    it(`a ${field} of ${value.split(':')[0]}: is ignored, the strip renders, forum-feed-load warns naming the path`, async () => {
      const feed = orgFeed() as unknown as { organizers: Record<string, unknown>[] };
      feed.organizers[2][field] = value;
      const loads: CustomEvent[] = [];
      const el = await fixture<OrganizerStrip>(
        html`<div @forum-feed-load=${(e: CustomEvent) => loads.push(e)}>
          <organizer-strip .feed=${feed}><a href="https://forum.example.org/about">Организаторы форума</a></organizer-strip>
        </div>`,
      ).then((d) => d.querySelector<OrganizerStrip>('organizer-strip')!);
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('ready');
      expect(all(el, 'group').length).to.be.above(0);
      // The bad value reaches no href or src; the good ones are still there.
      for (const a of root(el).querySelectorAll('[href], [src]')) {
        expect(a.getAttribute('href') ?? a.getAttribute('src')).to.match(/^(https?:|data:image\/png)/);
      }
      expect(root(el).innerHTML).not.to.contain(value.slice(0, 12));
      expect(loads).to.have.length(1);
      expect(loads[0].detail.warnings.some((l: string) => l.startsWith(`organizers[2].${field}: `))).to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  it('without fallback children, an invalid feed shows one short localized line', async () => {
    await setUiLocale('ru');
    const feed = orgFeed() as unknown as { forum: Record<string, unknown> };
    delete feed.forum.timeZone;
    const el = await show(feed);
    expect(el.getAttribute('state')).to.equal('error');
    expect(all(el, 'notice')[0].textContent!.trim()).to.not.equal('');
    expect(root(el).querySelectorAll('[href]')).to.have.length(0);
    await expect(el).to.be.accessible();
  });
});

describe('organizer-strip: from src', () => {
  it('renders the feed at a real URL', async () => {
    await setUiLocale('ru');
    const el = await fixture<OrganizerStrip>(html`<organizer-strip src=${FEED_URL}></organizer-strip>`);
    if (el.getAttribute('state') !== 'ready') await oneEvent(el, 'forum-feed-load');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('ready');
    expect(headings(el)).to.deep.equal(['Организатор', 'При поддержке', 'Оператор', 'Генеральный партнёр', 'Партнёр', 'Информационный партнёр']);
    for (const img of all(el, 'logo') as HTMLImageElement[]) await settled(img);
    expect(all(el, 'logo')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('a 404 feed: error state, fallback children stay, forum-feed-error with the URL', async () => {
    const url = '/test/fixtures/no-such-organizers-feed.json';
    const el = await fixture<OrganizerStrip>(html`<organizer-strip src=${url}><a href="https://forum.example.org/">Форум</a></organizer-strip>`);
    if (el.getAttribute('state') !== 'error') await oneEvent(el, 'forum-feed-error');
    await el.updateComplete;
    expect(el.getAttribute('state')).to.equal('error');
    expect(root(el).querySelector('slot')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('while loading: a skeleton (or the fallback children) in a box that reserves the strip\'s height', async () => {
    const name = `organizer-strip-hang-${Math.random().toString(36).slice(2)}`;
    await fetch(`/__feed-control/${name}`, { method: 'POST', body: JSON.stringify({ hang: true }) });
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const bare = await fixture<OrganizerStrip>(html`<organizer-strip src=${`/__feed/${name}`}></organizer-strip>`);
    expect(bare.getAttribute('state')).to.equal('loading');
    expect(all(bare, 'skeleton')).to.have.length(1);
    expect(bare.getBoundingClientRect().height).to.be.at.least(3 * rem);
    await expect(bare).to.be.accessible();
    const kids = await fixture<OrganizerStrip>(html`<organizer-strip src=${`/__feed/${name}`}><a href="https://forum.example.org/">Форум</a></organizer-strip>`);
    expect(kids.getAttribute('state')).to.equal('loading');
    expect(root(kids).querySelector('slot')).to.not.equal(null);
    expect(kids.getBoundingClientRect().height).to.be.at.least(3 * rem);
    await expect(kids).to.be.accessible();
  });
});

describe('organizer-strip: layout and theme', () => {
  it('wraps on a narrow screen: one row when wide, several when narrow', async () => {
    const wrap = await fixture<HTMLDivElement>(html`<div style="inline-size: 2400px"><organizer-strip roles="support" .feed=${orgFeed()}></organizer-strip></div>`);
    const el = wrap.querySelector<OrganizerStrip>('organizer-strip')!;
    await el.updateComplete;
    const rows = () => new Set(all(el, 'item').map((li) => li.offsetTop)).size;
    expect(rows()).to.equal(1);
    wrap.style.inlineSize = '240px';
    expect(rows()).to.be.greaterThan(1);
    // Nothing sticks out of the narrow box.
    expect(el.scrollWidth).to.be.at.most(240);
    await expect(el).to.be.accessible();
  });

  it('theme="dark" changes the colours and stays accessible', async () => {
    const el = await show(orgFeed());
    const light = getComputedStyle(all(el, 'heading')[0]).color;
    el.theme = 'dark';
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(all(el, 'heading')[0]).color).to.not.equal(light);
    await expect(el).to.be.accessible();
  });
});
