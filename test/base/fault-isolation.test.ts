// Property-based, in Chromium, all five widgets at once: damage random items of a valid feed the
// way organisers and attackers do (wrong types, missing required fields, forbidden and obfuscated
// URLs, huge strings, references that point nowhere or at another item, repeated ids), then check
// the contract of docs/feed-format.md ("Errors"):
//   - an item fault never rejects the feed: no widget ends in `error`;
//   - a widget none of whose items (or what they depend on) was touched renders exactly as it
//     did for the clean feed; in a widget that lists items, every untouched item still shows;
//   - an item whose only fault is an unusable optional field (a forbidden URL) still shows, and
//     its field is reported in `forum-feed-load`'s detail.warnings;
//   - no forbidden URL reaches an href or a src anywhere: shadow roots and fallback content.
// Most runs hand the feed over as the `feed` property; a few serve its JSON from a real endpoint
// (test/server/feed-endpoints.mjs) so the loader's reading is held to the same rules.
// Runs are bounded: 60 + 15 random damages, 7 to 10 s for the file on the shared 2-core machine
// (web-test-runner's time). A failure prints the shrunk damage, the broken rule, and fast-check's
// seed and path: add `seed` and `path` to the fc.assert options to replay it.
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import '../../src/define.js';
import { manualClock, setClock } from '../../src/base/clock.js';
import { setUiLocale } from '../../src/i18n/locale.js';
import { buildFeed } from '../helpers/feed-builder.mjs';

// ---------------------------------------------------------------- the valid feed

const HHMM = (hm: string) => `2025-05-19T${hm}:00+10:00`;
/** 14:40 in Khabarovsk: s-card and s-p1 are live (their streams are links), s-p2 is next. */
const NOW = Date.parse(HHMM('14:40'));
const PNG = new URL('/test/fixtures/organizer-logo.png', location.href).href; // loads: no error re-render
const DATA_PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
const en = (s: string) => ({ ru: `${s} (ru)`, en: s });

function session(id: string, from: string, to: string, extra: object = {}) {
  return {
    id,
    title: en(`Title of ${id}`),
    summary: en(`Summary of ${id}`),
    start: HHMM(from),
    end: HHMM(to),
    venue: en(`Hall of ${id}`),
    url: `https://forum.example/${id}`,
    stream: `https://live.example/${id}`,
    ...extra,
  };
}
const person = (id: string, photo?: string) => ({
  id,
  name: en(`Name of ${id}`),
  position: en(`Position of ${id}`),
  organization: `Org of ${id}`,
  ...(photo ? { photo } : {}),
});

function validFeed() {
  return buildFeed({
    forum: { url: 'https://forum.example/' },
    sessions: [
      session('s-card', '14:00', '15:30', { speakers: ['p-a', 'p-b'], moderators: ['p-c'], track: en('Track A') }),
      session('s-quote', '10:00', '11:00', { speakers: ['p-quote'] }),
      session('s-p1', '14:30', '15:30', { speakers: ['p-x'] }),
      session('s-p2', '16:00', '17:00', { speakers: ['p-x', 'p-a'] }),
      session('s-p3', '11:00', '12:00'),
      session('s-p4', '17:00', '18:00', { status: 'cancelled' }),
    ],
    people: [person('p-a', PNG), person('p-b', DATA_PNG), person('p-c'), person('p-quote', PNG), person('p-other', DATA_PNG), person('p-x')],
    quotes: [
      { id: 'q-shown', person: 'p-quote', session: 's-quote', text: en('Words of q-shown'), date: '2025-05-19' },
      { id: 'q-old', person: 'p-other', text: en('Words of q-old'), date: '2024-05-19' },
      { id: 'q-new', person: 'p-other', session: 's-p1', text: en('Words of q-new'), date: '2025-05-19' },
    ],
    organizers: (['organizer', 'support', 'operator', 'partner', 'media-partner'] as const).map((role, i) => ({
      id: `o-${i}`,
      name: en(`Name of o-${i}`),
      role,
      url: `https://org${i}.example/`,
      logo: i % 2 ? DATA_PNG : PNG,
    })),
    counters: [0, 1, 2, 3, 4].map((i) => ({ id: `c-${i}`, value: 1000 * (i + 1), qualifier: 'about', label: en(`Label of c-${i}`) })),
  });
}
type Doc = Record<string, unknown> & { [list: string]: unknown };
type Item = Record<string, unknown>;

const LISTS = ['sessions', 'people', 'quotes', 'organizers', 'counters'] as const;
type List = (typeof LISTS)[number];
/** An item of the clean feed, as `list:id` ('forum' for the forum's own optional url). */
type Key = string;
const ids = (list: List): string[] => (validFeed()[list] as Item[]).map((x) => x.id as string);
const REQUIRED: Record<List, string[]> = {
  sessions: ['id', 'title', 'start', 'end'],
  people: ['id', 'name'],
  quotes: ['id', 'person', 'text'],
  organizers: ['id', 'name', 'role'],
  counters: ['id', 'value', 'label'],
};
const OPTIONAL_TEXT: Record<List, string[]> = {
  sessions: ['summary', 'venue', 'track'],
  people: ['position', 'organization'],
  quotes: [],
  organizers: ['roleLabel'],
  counters: ['unit'],
};
/** Other optional fields, for wrong types: each may be ignored or take its item along. */
const OTHER_OPTIONAL: Record<List, string[]> = {
  sessions: ['speakers', 'moderators', 'status'],
  people: [],
  quotes: ['session', 'date'],
  organizers: [],
  counters: ['qualifier'],
};
const URL_FIELDS: Record<List, [string, 'link' | 'image'][]> = {
  sessions: [['url', 'link'], ['stream', 'link']],
  people: [['photo', 'image']],
  quotes: [],
  organizers: [['url', 'link'], ['logo', 'image']],
  counters: [],
};

// ---------------------------------------------------------------- the widgets and what they show

interface Widget {
  tag: string;
  attrs: Record<string, string>;
  /** Items whose damage may change what it shows ('list:*' = any item of the list). */
  deps: Key[];
  /** Items it shows, each with the items it cannot show without, and the text that proves it is shown. */
  shows: { key: Key; needs: Key[]; mark: string }[];
}
const s = (id: string) => ({ key: `sessions:${id}`, needs: [], mark: `Title of ${id}` });
const peopleOf = (id: string): Key[] => {
  const x = (validFeed().sessions as Item[]).find((v) => v.id === id)!;
  return [...((x.speakers as string[]) ?? []), ...((x.moderators as string[]) ?? [])].map((p) => `people:${p}`);
};
const WIDGETS: Widget[] = [
  { tag: 'forum-session-card', attrs: { session: 's-card' }, deps: ['sessions:s-card', ...peopleOf('s-card'), 'forum'], shows: [s('s-card')] },
  { tag: 'forum-session-card', attrs: { session: 's-p2', compact: '' }, deps: ['sessions:s-p2', ...peopleOf('s-p2'), 'forum'], shows: [s('s-p2')] },
  {
    tag: 'speaker-quote',
    attrs: { quote: 'q-shown' },
    deps: ['quotes:q-shown', 'people:p-quote', 'sessions:s-quote'],
    shows: [{ key: 'quotes:q-shown', needs: ['people:p-quote'], mark: 'Words of q-shown' }],
  },
  // Which quote of a person shows depends on every quote (any may name the person, with any date).
  { tag: 'speaker-quote', attrs: { person: 'p-other' }, deps: ['quotes:*', 'people:p-other', 'sessions:s-p1'], shows: [] },
  {
    tag: 'organizer-strip',
    attrs: {},
    deps: ['organizers:*'],
    shows: ids('organizers').map((id) => ({ key: `organizers:${id}`, needs: [], mark: `Name of ${id}` })),
  },
  {
    tag: 'partner-counter',
    attrs: { counters: 'c-0 c-2 c-3' },
    deps: ['counters:c-0', 'counters:c-2', 'counters:c-3'],
    shows: ['c-0', 'c-2', 'c-3'].map((id) => ({ key: `counters:${id}`, needs: [], mark: `Label of ${id}` })),
  },
  { tag: 'forum-programme', attrs: { mode: 'day', day: '2025-05-19' }, deps: ['sessions:*', 'people:*', 'forum'], shows: ids('sessions').map(s) },
];
const FALLBACK = 'https://partner.example/fallback';

// ---------------------------------------------------------------- damage

/**
 * One fault. `keeps`: the contract says the item stays (an unusable optional field is ignored,
 * one dangling speaker is left out); otherwise the item may be dropped or changed.
 */
type Damage =
  | { kind: 'url'; list: List; at: number; field: string; value: (token: string) => string }
  | { kind: 'forum-url'; value: (token: string) => string }
  | { kind: 'huge'; list: List; at: number; field: string; length: number }
  | { kind: 'speaker-nowhere'; at: number }
  | { kind: 'missing'; list: List; at: number; field: string }
  | { kind: 'wrong-type'; list: List; at: number; field: string; value: unknown }
  | { kind: 'not-object'; list: List; at: number; value: unknown }
  | { kind: 'repeat-id'; list: List; at: number; of: number }
  | { kind: 'ref'; at: number; field: 'person' | 'session'; to: string }
  | { kind: 'end-before-start'; at: number };

// Forbidden URLs: the schemes a feed must never place in a link or an image, and the tricks that
// have fooled URL filters (case, white space and control characters around or inside the scheme,
// scheme-relative and relative forms, entities, a length past MAX_URL_LENGTH). The token marks
// each value so that it is recognisable wherever it ends up.
const FORBIDDEN: ((t: string) => string)[] = [
  (t) => `javascript:alert("${t}")`,
  (t) => `vbscript:msgbox("${t}")`,
  (t) => `data:text/html,<script>alert("${t}")</script>`,
  (t) => `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert('${t}')"/>`,
  (t) => `data:image/svg+xml;base64,${btoa(`<svg id="${t}"/>`)}`,
  (t) => `file:///etc/${t}`,
  (t) => `ftp://files.example/${t}`,
  (t) => `blob:https://forum.example/${t}`,
  (t) => `//evil.example/${t}`,
  (t) => `\\\\evil.example\\${t}`,
  (t) => `/${t}/relative`,
  (t) => `${t}.html`,
  (t) => `javascript&colon;alert("${t}")`,
  (t) => `javascript%3Aalert("${t}")`,
  (t) => `https://forum.example/${'a'.repeat(1_000_001)}${t}`,
];
// Obfuscations of a value's scheme, which the URL parser or a lax filter would see through.
const OBFUSCATE: ((v: string) => string)[] = [
  (v) => v,
  (v) => v.replace(/^[a-z]+/i, (m) => [...m].map((c, i) => (i % 2 ? c.toUpperCase() : c)).join('')),
  (v) => `  \t\n${v}`,
  (v) => `\u0000${v}`,
  (v) => `\u0001\u001f ${v}`,
  (v) => `\u00a0\ufeff${v}`,
  (v) => v.replace(/^([a-z]{2})/i, '$1\t'),
  (v) => v.replace(/^([a-z]{3})/i, '$1\n\r'),
  (v) => v.replace(/^([a-z]+):/i, '$1\u0000:'),
  (v) => `${v}\n`,
];
const forbiddenUrl = fc
  .tuple(fc.constantFrom(...FORBIDDEN), fc.constantFrom(...OBFUSCATE))
  .map(([make, hide]) => (t: string) => hide(make(t)));

const WRONG = fc.oneof(
  fc.constantFrom<unknown>(null, 42, -1, 0, true, '', [], {}, [[]], { ru: 42 }, { en: null }, 'not an id!', 1e308, '2025-02-30'),
  fc.jsonValue({ maxDepth: 2 }),
);
const at = fc.nat(20);

const damage: fc.Arbitrary<Damage> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ list: fc.constantFrom<List>('sessions', 'people', 'organizers'), at, pick: fc.nat(), value: forbiddenUrl }).map(({ list, at, pick, value }) => {
    const fields = URL_FIELDS[list];
    return { kind: 'url' as const, list, at, field: fields[pick % fields.length]![0], value };
  }) },
  { weight: 1, arbitrary: forbiddenUrl.map((value) => ({ kind: 'forum-url' as const, value })) },
  { weight: 1, arbitrary: fc.record({ list: fc.constantFrom<List>('sessions', 'people', 'organizers', 'counters'), at, pick: fc.nat(), length: fc.constantFrom(10_000, 200_000) }).map(({ list, at, pick, length }) => {
    const fields = OPTIONAL_TEXT[list];
    return { kind: 'huge' as const, list, at, field: fields[pick % fields.length]!, length };
  }) },
  { weight: 1, arbitrary: at.map((at) => ({ kind: 'speaker-nowhere' as const, at })) },
  { weight: 2, arbitrary: fc.record({ list: fc.constantFrom(...LISTS), at, pick: fc.nat() }).map(({ list, at, pick }) => ({ kind: 'missing' as const, list, at, field: REQUIRED[list][pick % REQUIRED[list].length]! })) },
  { weight: 3, arbitrary: fc.record({ list: fc.constantFrom(...LISTS), at, pick: fc.nat(), value: WRONG }).map(({ list, at, pick, value }) => {
    const fields = [...REQUIRED[list], ...OPTIONAL_TEXT[list], ...OTHER_OPTIONAL[list], ...URL_FIELDS[list].map(([f]) => f)];
    return { kind: 'wrong-type' as const, list, at, field: fields[pick % fields.length]!, value };
  }) },
  { weight: 1, arbitrary: fc.record({ list: fc.constantFrom(...LISTS), at, value: fc.constantFrom<unknown>(null, 7, 'x', [], [{ id: 'x' }]) }).map((d) => ({ kind: 'not-object' as const, ...d })) },
  { weight: 1, arbitrary: fc.record({ list: fc.constantFrom(...LISTS), at, of: at }).map((d) => ({ kind: 'repeat-id' as const, ...d })) },
  { weight: 1, arbitrary: fc.record({ at, field: fc.constantFrom<'person' | 'session'>('person', 'session'), to: fc.constantFrom('nobody', 'p-a', 'p-other', 's-p3', 'q-shown') }).map((d) => ({ kind: 'ref' as const, ...d })) },
  { weight: 1, arbitrary: at.map((at) => ({ kind: 'end-before-start' as const, at })) },
);

interface Damaged {
  feed: Doc;
  /** Every item whose content changed, and whether the contract keeps it shown ('keeps'). */
  touched: Map<Key, 'keeps' | 'may-go'>;
  /** Tokens inside the forbidden URLs placed in this feed. */
  tokens: string[];
  /** Warning lines the contract requires (`path:` prefixes), for items it keeps. */
  warned: { key: Key; path: string }[];
}

let tokenSeq = 0;
function apply(damages: Damage[]): Damaged {
  const feed = validFeed() as Doc;
  const touched = new Map<Key, 'keeps' | 'may-go'>();
  const tokens: string[] = [];
  const warned: { key: Key; path: string }[] = [];
  const touch = (key: Key, how: 'keeps' | 'may-go') => {
    if (touched.get(key) !== 'may-go') touched.set(key, how);
  };
  const slot = (list: List, n: number) => {
    const items = feed[list] as unknown[];
    const i = n % items.length;
    return { i, key: `${list}:${ids(list)[i]}`, item: items[i] };
  };
  for (const d of damages) {
    if (d.kind === 'forum-url') {
      const token = `zq${++tokenSeq}q`;
      tokens.push(token);
      (feed.forum as Item).url = d.value(token);
      touch('forum', 'keeps');
      warned.push({ key: 'forum', path: 'forum.url' });
      continue;
    }
    if (d.kind === 'speaker-nowhere' || d.kind === 'end-before-start' || d.kind === 'ref') {
      const { i, key, item } = slot(d.kind === 'ref' ? 'quotes' : 'sessions', d.at);
      if (!item || typeof item !== 'object' || Array.isArray(item)) continue; // already replaced
      const x = item as Item;
      if (d.kind === 'speaker-nowhere') {
        x.speakers = [...(Array.isArray(x.speakers) ? x.speakers : []), `nobody-${i}`];
        touch(key, 'keeps');
      } else if (d.kind === 'end-before-start') {
        x.end = x.start;
        touch(key, 'may-go');
      } else {
        x[d.field] = d.to;
        touch(key, 'may-go');
        // The quote now shows another person or session: widgets showing those see it too.
        if (d.field === 'person') touch(`people:${d.to}`, 'may-go');
      }
      continue;
    }
    const { i, key, item } = slot(d.list, d.at);
    const items = feed[d.list] as unknown[];
    if (d.kind === 'not-object') {
      items[i] = d.value;
      touch(key, 'may-go');
      continue;
    }
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const x = item as Item;
    switch (d.kind) {
      case 'url': {
        const token = `zq${++tokenSeq}q`;
        tokens.push(token);
        x[d.field] = d.value(token);
        touch(key, 'keeps');
        warned.push({ key, path: `${d.list}[${i}].${d.field}` });
        break;
      }
      case 'huge':
        x[d.field] = `${d.field} `.repeat(d.length / (d.field.length + 1));
        touch(key, 'keeps');
        break;
      case 'missing':
        delete x[d.field];
        touch(key, 'may-go');
        break;
      case 'wrong-type':
        x[d.field] = structuredClone(d.value);
        touch(key, 'may-go');
        break;
      case 'repeat-id': {
        const other = slot(d.list, d.of);
        x.id = ids(d.list)[other.i];
        // Whichever of the two comes later is dropped.
        touch(key, 'may-go');
        touch(other.key, 'may-go');
        break;
      }
    }
  }
  return { feed, touched, tokens, warned };
}

// ---------------------------------------------------------------- the page

const box = document.createElement('div');
document.body.append(box);

interface Shown {
  w: Widget;
  el: HTMLElement & { state: string; updateComplete: Promise<boolean>; feed?: unknown };
  warnings?: string[];
}

/** Mounts every widget, each with a fallback link, fed by `feed` (a value) or `src` (a URL). */
async function mount(source: { feed: unknown } | { src: string }): Promise<Shown[]> {
  box.replaceChildren();
  const shown: Shown[] = WIDGETS.map((w) => {
    const el = document.createElement(w.tag) as Shown['el'];
    for (const [k, v] of Object.entries(w.attrs)) el.setAttribute(k, v);
    el.setAttribute('reader-time-zone', 'Asia/Vladivostok');
    const a = document.createElement('a');
    a.href = FALLBACK;
    a.textContent = 'Programme on the forum site';
    el.append(a);
    return { w, el };
  });
  for (const x of shown) {
    x.el.addEventListener('forum-feed-load', (e) => (x.warnings = (e as CustomEvent<{ warnings: string[] }>).detail.warnings));
    if ('feed' in source) x.el.feed = source.feed;
    else x.el.setAttribute('src', source.src);
    box.append(x.el);
  }
  const until = Date.now() + 8000;
  while (shown.some((x) => x.el.state === 'loading') && Date.now() < until) await new Promise((r) => setTimeout(r, 10));
  for (const x of shown) await x.el.updateComplete;
  // The session card writes its .ics file into the calendar link when a reader reaches it: reach
  // every such link, so the file (which carries the session's URL) is checked like any href.
  for (const a of deep(box)) if (a.matches('a[part~="calendar"]')) a.dispatchEvent(new FocusEvent('focus'));
  for (const x of shown) await x.el.updateComplete;
  return shown;
}

/** Every element under `root`, through shadow roots (which is where the widgets render). */
function* deep(root: Element | ShadowRoot): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* deep(el.shadowRoot);
  }
}

/**
 * What a widget shows a reader, to compare with the clean feed's rendering: its text (without
 * the count-up's decorative copy and the "more" buttons, which follow layout timing) and every
 * URL it carries.
 */
function look(el: HTMLElement): string {
  const root = el.shadowRoot!;
  const text: string[] = [];
  const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const p = n.parentElement;
    if (p?.closest('[aria-hidden="true"], button.more')) continue;
    text.push(n.nodeValue!);
  }
  const urls = [...deep(root)].flatMap((e) => ['href', 'src'].filter((a) => e.hasAttribute(a)).map((a) => `${a}=${e.getAttribute(a)!.slice(0, 200)}`));
  return `${text.join('').replace(/\s+/g, ' ').trim()}\n${urls.join('\n')}`;
}

const URL_ATTRS = ['href', 'src', 'srcset', 'action', 'formaction', 'poster', 'xlink:href', 'ping', 'background', 'cite', 'data'];
const RASTER = /^data:image\/(png|jpeg|jpg|gif|webp|avif|bmp)[;,]/i;

/** Fails when a URL attribute anywhere in the box (shadow roots, fallback) is not a safe absolute one. */
function assertNoForbiddenUrl(tokens: string[], where: string) {
  for (const el of deep(box)) {
    for (const attr of el.getAttributeNames()) {
      const v = el.getAttribute(attr)!;
      const token = tokens.find((t) => v.includes(t));
      if (token) {
        let shown = v;
        try {
          shown = decodeURIComponent(v); // the calendar link's text is percent-encoded
        } catch {
          // not encoded
        }
        const at = Math.max(0, shown.indexOf(token) - 60);
        throw new Error(`${where}: <${el.localName} ${attr}> carries the forbidden URL marked ${token}: …${JSON.stringify(shown.slice(at, at + 120))}`);
      }
      // The widget's own feed URL is the partner's, not the feed's.
      if (!URL_ATTRS.includes(attr) || (attr === 'src' && WIDGETS.some((w) => w.tag === el.localName))) continue;
      const ok =
        /^https?:\/\/[^/\\]/i.test(v) ||
        (attr === 'src' && el.localName === 'img' && RASTER.test(v)) ||
        // The calendar link: the widget's own .ics text, offered as a download.
        (attr === 'href' && el.hasAttribute('download') && v.startsWith('data:text/calendar'));
      if (!ok) throw new Error(`${where}: <${el.localName} ${attr}=${JSON.stringify(v.slice(0, 120))}> is not an absolute http(s) URL`);
    }
  }
}

const hit = (deps: Key[], touched: Map<Key, unknown>) =>
  [...touched.keys()].some((k) => deps.includes(k) || deps.includes(`${k.split(':')[0]}:*`));

/** The contract's checks for one rendering of a damaged feed (see the top of the file). */
function check(shown: Shown[], clean: string[], d: Damaged, where: string) {
  assertNoForbiddenUrl(d.tokens, where);
  const warnings = new Set(shown.flatMap((x) => x.warnings ?? []));
  for (const [i, { w, el }] of shown.entries()) {
    const name = `${where} <${w.tag} ${JSON.stringify(w.attrs)}>`;
    expect(el.state, `${name}: state`).to.be.oneOf(['ready', 'missing']);
    if (!hit(w.deps, d.touched)) {
      expect(el.state, `${name}: none of its items was touched`).to.equal('ready');
      expect(look(el), `${name}: none of its items was touched, so it shows what it showed`).to.equal(clean[i]);
      continue;
    }
    const text = el.shadowRoot!.textContent!;
    for (const item of w.shows) {
      const needs = [item.key, ...item.needs];
      if (needs.some((k) => d.touched.get(k) === 'may-go')) continue;
      // Untouched, or touched only in ways the contract keeps the item for.
      expect(el.state, `${name}: ${item.key} was kept`).to.equal('ready');
      expect(text.includes(item.mark), `${name}: shows ${item.key} ("${item.mark}")`).to.equal(true);
    }
  }
  for (const { key, path } of d.warned) {
    if (d.touched.get(key) === 'may-go') continue;
    expect([...warnings].some((l) => l.startsWith(`${path}:`)), `${where}: detail.warnings names ${path}: ${[...warnings].join(' | ')}`).to.equal(true);
  }
}

const damages = fc.array(damage, { minLength: 1, maxLength: 4 });
const describeRun = (ds: Damage[]) =>
  JSON.stringify(ds, (_k, v) => (typeof v === 'function' ? v('TOKEN').slice(0, 80) : typeof v === 'string' && v.length > 80 ? `${v.slice(0, 80)}…` : v));

describe('one faulty item never blanks the others, and no forbidden URL renders (property)', () => {
  let clean: string[];

  before(async () => {
    setClock(manualClock(NOW));
    await setUiLocale('en');
    clean = (await mount({ feed: validFeed() })).map((x) => look(x.el));
    for (const [i, x] of clean.entries()) expect(x, `clean ${WIDGETS[i]!.tag}`).to.include(WIDGETS[i]!.shows[0]?.mark ?? 'Words of q-new');
  });
  after(async () => {
    box.replaceChildren();
    setClock(null);
    await setUiLocale(null);
  });

  it('the clean feed shows every item, its links and its images, and nothing forbidden', async () => {
    const shown = await mount({ feed: validFeed() });
    check(shown, clean, { feed: validFeed(), touched: new Map(), tokens: [], warned: [] }, 'clean');
    const text = shown.map((x) => x.el.shadowRoot!.textContent).join(' ');
    for (const w of WIDGETS) for (const item of w.shows) expect(text).to.include(item.mark);
    const urls = [...deep(box)].map((e) => e.getAttribute('href') ?? e.getAttribute('src'));
    for (const u of ['https://forum.example/s-card', 'https://live.example/s-card', PNG, DATA_PNG, 'https://org3.example/', FALLBACK]) expect(urls).to.include(u);
  });

  it('damage handed over as the `feed` property', async function () {
    this.timeout(120_000);
    await fc.assert(
      fc.asyncProperty(damages, async (ds) => {
        const d = apply(ds);
        check(await mount({ feed: d.feed }), clean, d, `feed property, damage ${describeRun(ds)}`);
      }),
      { numRuns: 60, includeErrorInReport: true },
    );
  });

  it('damage served as JSON and read by the loader', async function () {
    this.timeout(120_000);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(damages, async (ds) => {
        const d = apply(ds);
        // A fresh endpoint per run: the loader shares one request per URL per page.
        const name = `fault-isolation-${Date.now()}-${++n}`;
        const r = await fetch(`/__feed-control/${name}`, { method: 'POST', body: JSON.stringify({ clear: true, status: 200, body: JSON.stringify(d.feed) }) });
        expect(r.ok).to.equal(true);
        check(await mount({ src: `/__feed/${name}` }), clean, d, `loader, damage ${describeRun(ds)}`);
      }),
      { numRuns: 15, includeErrorInReport: true },
    );
  });
});
