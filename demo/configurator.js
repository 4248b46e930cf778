// The embed configurator: loads and checks a feed with the widgets' own validator, offers the
// choices that feed allows, previews the real built bundle in a frame, and writes the snippet a
// partner pastes in one of three forms (element + script; plain markup a CMS editor keeps, with
// the script once in the site template; an iframe of embed.html) plus the stylesheet rule and CSP
// directives it needs. The bundle's address is where this page is published (forum-widgets.js
// beside configurator/), unless the build named a CDN. Every choice is in the page's query, so a
// link reproduces a snippet. No innerHTML anywhere: feed text is untrusted, the page runs under
// Trusted Types, and feed text in a snippet is neutralised against host template engines.
import { parseFeed } from '../dist/lib/feed/validate.js';
import { pickText } from '../dist/lib/feed/text.js';
import { safeUrl } from '../dist/lib/feed/url.js';
import { ROLES } from '../dist/lib/feed/schema.js';
import { toUiLocale, UI_LOCALES } from '../dist/lib/i18n/ui-locale.js';
import { WIDGETS, widgetNamed, checkValue } from '../dist/lib/snippet/catalog.js';
import { neutraliseText, neutraliseUrl } from '../dist/lib/snippet/neutralise.js';
import { withChoices } from '../dist/lib/snippet/fragment.js';
import { STRINGS } from './strings.js';
import { measureHeights } from './reserve.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const here = (path) => new URL(path, location.href).href;
const BUNDLE = here(root.dataset.bundle);
const EMBED_PAGE = here(root.dataset.embedPage);
const RESIZER = here(root.dataset.resizer);
const SAMPLE = here(root.dataset.sampleFeed);

// Only this module writes HTML (the preview's srcdoc), through one named policy.
const policy = globalThis.trustedTypes?.createPolicy('forum-configurator', { createHTML: (s) => s }) ?? { createHTML: (s) => s };

let ui = 'en';
let info; // dist/configurator/embed.json: { version, cdn, src (the CDN's URL when cdn), integrity }
let feed; // the last good feed
let feedUrl = SAMPLE;
let feedTyped = ''; // what the person typed, when it was not an absolute URL
let cors = { kind: 'unknown' }; // what the feed's server said about other origins
// The query this page was opened with: applied once the first feed has filled the choices.
let pendingQuery = new URLSearchParams(location.search);

/** The bundle the snippet names: the build's CDN when it set one, else the one beside this page. */
const scriptSrc = () => (info?.cdn ? info.src : BUNDLE);
const embedPage = () => (info?.cdn ? info.src.replace(/forum-widgets\.js$/, 'embed.html') : EMBED_PAGE);
const resizerSrc = () => (info?.cdn ? info.src.replace(/forum-widgets\.js$/, 'forum-widgets-resizer.js') : RESIZER);

// ---------- UI language ----------

function tr(key, vars = {}) {
  const s = STRINGS[ui][key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

function applyUi(lang) {
  ui = UI_LOCALES.includes(lang) ? lang : 'en';
  root.lang = ui; // the showcase widgets follow <html lang>, as on a portal
  $('ui-lang').value = ui;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = tr(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-title]')) el.title = tr(el.dataset.i18nTitle);
  try {
    localStorage.setItem('forum-configurator-lang', ui);
  } catch {}
  if (feed) fillChoices(feed); // option labels are feed texts in the UI language
  showStatus();
  update();
}

function initialUi() {
  let saved;
  try {
    saved = localStorage.getItem('forum-configurator-lang');
  } catch {}
  const wanted = new URLSearchParams(location.search).get('lang') || saved || navigator.language || 'en';
  return UI_LOCALES.includes(wanted) ? wanted : toUiLocale(wanted);
}

// ---------- Feed ----------

let status = { kind: 'none' };
let seq = 0;

async function loadFeed(url) {
  const mine = ++seq;
  feedUrl = url;
  status = { kind: 'loading' };
  showStatus();
  let errors;
  let good;
  let warnings = [];
  let reason = 'invalid'; // why there is no feed: invalid | http | cors | network
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    // A same-origin response shows its CORS header; a cross-origin one that arrived had CORS for
    // this origin at least (its header is not readable here).
    const allowed = res.headers.get('access-control-allow-origin');
    cors = new URL(url).origin !== location.origin ? { kind: 'cross' } : allowed === '*' ? { kind: 'any' } : allowed ? { kind: 'some', allowed } : { kind: 'none' };
    if (!res.ok) {
      errors = [`feed: HTTP ${res.status} from ${url}`];
      reason = 'http';
    } else {
      const json = await res.text();
      // The widgets read leniently (docs/feed-format.md "Errors": an item's own fault drops the
      // item or ignores the field), so that reading decides what they would show; the strict
      // problems are what the organiser should fix.
      const strict = parseFeed(json);
      const lenient = strict.ok ? strict : parseFeed(json, { lenient: true });
      if (lenient.ok) {
        good = lenient.feed;
        if (!strict.ok) warnings = strict.errors;
      } else errors = strict.errors;
    }
  } catch (e) {
    errors = [`feed: no response from ${url} (${e?.message ?? e})`];
    cors = { kind: 'failed' };
    // The browser hides why a request failed. A no-cors request succeeds (opaquely) when the
    // server answered: then it answered without letting other sites read it (no CORS header).
    reason = await fetch(url, { mode: 'no-cors', cache: 'no-cache' }).then(
      () => 'cors',
      () => 'network',
    );
  }
  if (mine !== seq) return; // a later check superseded this one
  if (good) {
    feed = good;
    fillChoices(feed);
    status = { kind: 'ok', feed: good, warnings };
  } else status = { kind: 'error', reason, errors };
  if (pendingQuery) applyQuery(pendingQuery);
  pendingQuery = undefined;
  showStatus();
  update();
}

/** "3 problems" in the UI language: STRINGS[ui].problems holds a form per plural category. */
function problems(n) {
  const forms = STRINGS[ui].problems;
  return (forms[new Intl.PluralRules(ui).select(n)] ?? forms.other).replace('{n}', String(n));
}

/** The number of problems in validator lines (the last may say how many more were not listed). */
function count(lines) {
  const more = /^feed: (\d+) more problems not listed$/.exec(lines.at(-1) ?? '');
  return lines.length + (more ? Number(more[1]) - 1 : 0);
}

function showStatus() {
  const summary = $('feed-summary');
  const list = $('feed-errors');
  list.replaceChildren();
  const lines = status.kind === 'error' ? status.errors : status.kind === 'ok' ? status.warnings : [];
  $('feed-status').dataset.state = status.kind === 'ok' && lines.length ? 'warn' : status.kind;
  if (status.kind === 'loading') summary.textContent = tr('checking');
  else if (status.kind === 'ok') {
    const f = status.feed;
    summary.textContent = tr(lines.length ? 'usable' : 'valid', {
      problems: problems(count(lines)),
      sessions: f.sessions.length,
      people: f.people.length,
      quotes: f.quotes.length,
      organizers: f.organizers.length,
      counters: f.counters.length,
    });
  } else if (status.kind === 'error') {
    const key = { http: 'unreachableHttp', cors: 'unreachableCors', network: 'unreachable' }[status.reason] ?? 'invalid';
    summary.textContent = tr(key, { problems: problems(count(lines)) });
  } else summary.textContent = '';
  for (const line of lines) {
    const li = document.createElement('li');
    li.textContent = line; // the validator's `path: message` lines, as the CLI prints them
    list.append(li);
  }
}

// ---------- Choices from the feed ----------

/** A feed text in the UI language, with the language it is really in. */
const text = (t, lang = ui) => (t === undefined ? undefined : pickText(t, lang, feed.defaultLanguage));
const short = (s, n) => (s.length > n ? s.slice(0, n - 1).trimEnd() + '…' : s);

function option(value, label, lang) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  if (lang && lang !== ui) o.lang = lang;
  return o;
}

function keep(select, fill) {
  const was = select.value;
  select.replaceChildren();
  fill();
  if ([...select.options].some((o) => o.value === was)) select.value = was;
}

function checkboxes(box, items, name) {
  const was = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value));
  const first = !box.querySelector('input');
  for (const l of box.querySelectorAll('label')) l.remove();
  for (const { value, label, lang, checked } of items) {
    const l = document.createElement('label');
    l.className = 'check';
    const i = document.createElement('input');
    i.type = 'checkbox';
    i.name = name;
    i.value = value;
    i.checked = first ? checked : was.has(value);
    const s = document.createElement('span');
    s.textContent = label;
    if (lang && lang !== ui) s.lang = lang;
    l.append(i, ' ', s);
    box.append(l);
  }
}

function fillChoices(f) {
  keep($('session'), () => {
    $('session').append(option('current', tr('current')));
    for (const s of f.sessions) {
      const t = text(s.title);
      $('session').append(option(s.id, t.text, t.lang));
    }
  });
  keep($('quote'), () => {
    const byPerson = new Map(f.people.map((p) => [p.id, p]));
    for (const q of f.quotes) {
      const name = text(byPerson.get(q.person).name);
      const words = text(q.text);
      $('quote').append(option(`quote:${q.id}`, `${name.text}: ${short(words.text, 70)}`, name.lang));
    }
    for (const p of f.people) {
      if (!f.quotes.some((q) => q.person === p.id)) continue;
      const name = text(p.name);
      $('quote').append(option(`person:${p.id}`, tr('latestBy', { name: name.text }), name.lang));
    }
  });
  // The programme's days (the forum's dates) and venues (valued in the feed's default language;
  // the element matches a venue in any of the feed's languages).
  keep($('prog-day'), () => {
    $('prog-day').append(option('', tr('progDayAuto')));
    const end = Date.parse(`${f.forum.endDate}T12:00:00Z`);
    for (let t = Date.parse(`${f.forum.startDate}T12:00:00Z`), n = 0; t <= end && n < 31; t += 86_400_000, n++) {
      const d = new Date(t).toISOString().slice(0, 10);
      $('prog-day').append(option(d, new Intl.DateTimeFormat(ui, { timeZone: 'UTC', weekday: 'short', day: 'numeric', month: 'long' }).format(t)));
    }
  });
  keep($('prog-venue'), () => {
    $('prog-venue').append(option('', tr('progAllVenues')));
    const seen = new Set();
    for (const s of f.sessions) {
      if (!s.venue) continue;
      const key = pickText(s.venue, f.defaultLanguage, f.defaultLanguage).text;
      if (seen.has(key) || checkValue('names', key) instanceof Error) continue;
      seen.add(key);
      const t = text(s.venue);
      $('prog-venue').append(option(key, t.text, t.lang));
    }
  });
  const roles = ROLES.filter((r) => f.organizers.some((o) => o.role === r));
  const roleName = (r) => {
    const o = f.organizers.find((x) => x.role === r);
    const label = o.roleLabel && text(o.roleLabel);
    return label ? `${r} (${label.text})` : r;
  };
  checkboxes($('roles'), roles.map((r) => ({ value: r, label: roleName(r), checked: true })), 'role');
  const nf = new Intl.NumberFormat(ui === 'zh-Hans' ? 'zh-Hans' : ui);
  checkboxes(
    $('counters'),
    f.counters.map((c) => {
      const l = text(c.label);
      return { value: c.id, label: `${nf.format(c.value)} — ${l.text}`, lang: l.lang, checked: false };
    }),
    'counter',
  );
}

// ---------- The snippet ----------

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
// A font list typed by a person: letters, digits, spaces, quotes, commas, dots and hyphens only,
// so nothing typed here can end the CSS declaration.
const cleanFont = (s) => s.replace(/[^\p{L}\p{N}\s,'".-]/gu, '').replace(/\s+/g, ' ').trim();

function choices() {
  const widget = document.querySelector('input[name="widget"]:checked').value;
  const q = $('quote').value;
  return {
    widget,
    form: document.querySelector('input[name="form"]:checked').value,
    session: $('session').value || 'current',
    compact: $('compact').checked,
    refresh: Number($('refresh').value) > 0 ? String(Math.max(5, Math.round(Number($('refresh').value)))) : '',
    quote: q.startsWith('quote:') ? q.slice(6) : '',
    person: q.startsWith('person:') ? q.slice(7) : '',
    roles: [...document.querySelectorAll('input[name="role"]:checked')].map((i) => i.value),
    allRoles: [...document.querySelectorAll('input[name="role"]')].map((i) => i.value),
    counters: [...document.querySelectorAll('input[name="counter"]:checked')].map((i) => i.value),
    mode: $('prog-mode').value,
    day: $('prog-day').value,
    venue: $('prog-venue').value,
    kiosk: $('kiosk').checked,
    locale: $('locale').value,
    theme: $('theme').value,
    headingLevel: $('heading-level').value,
    accent: $('accent-on').checked ? $('accent').value : '',
    font: cleanFont($('font').value),
  };
}

/** The element's attributes, in the order a person would write them. */
function attributes(c) {
  const a = [];
  if (c.widget === 'forum-session-card') {
    a.push(['session', c.session]);
    if (c.compact) a.push(['compact', '']);
    if (c.refresh) a.push(['refresh', c.refresh]);
  } else if (c.widget === 'speaker-quote') {
    if (c.quote) a.push(['quote', c.quote]);
    else if (c.person) a.push(['person', c.person]);
  } else if (c.widget === 'organizer-strip') {
    // All roles ticked: leave the attribute out, so roles the organiser adds later show too.
    if (c.roles.length && c.roles.length < c.allRoles.length) a.push(['roles', c.roles.join(' ')]);
  } else if (c.widget === 'forum-programme') {
    if (c.mode !== 'now') a.push(['mode', c.mode]);
    if (c.mode !== 'now' && c.day) a.push(['day', c.day]);
    if (c.venue) a.push(['venue', c.venue]);
    if (c.kiosk) a.push(['kiosk', '']);
  } else if (c.counters.length) a.push(['counters', c.counters.join(' ')]);
  if (c.theme !== 'light') a.push(['theme', c.theme]);
  if (c.headingLevel !== '3' && ['forum-session-card', 'organizer-strip', 'forum-programme'].includes(c.widget)) a.push(['heading-level', c.headingLevel]);
  return a;
}

/** What a reader sees without the script: a link to the most specific page the feed names. */
function fallback(c) {
  const f = fallbackParts(c);
  if (!f) return '';
  // Neutralised: this text is pasted into pages whose template engines would run `{{ }}` in it.
  const shown = esc(neutraliseText(f.label));
  // The markup form's link also carries the choices in its fragment: editors that drop the div
  // (CKEditor 5 by default) keep links, and the page-wide script upgrades such a link too.
  const href = f.href && c.form === 'markup' ? markupHref(c, f.href) : f.href;
  return href ? `<a href="${esc(neutraliseUrl(href))}">${shown}</a>` : `<p>${shown}</p>`;
}

/** The markup form's link: `href` with the choices in its fragment (only the fragment when `href` is ''). */
function markupHref(c, href) {
  if (href === '') return fallbackParts(c)?.href ? withChoices('', widgetNamed(c.widget), attributes(c), /^https?:\/\//.test(feedUrl) ? feedUrl : undefined) : '';
  return withChoices(href, widgetNamed(c.widget), attributes(c), /^https?:\/\//.test(feedUrl) ? feedUrl : undefined);
}

const fallbackLabel = (c) => fallbackParts(c)?.label;

function fallbackParts(c) {
  if (!feed) return undefined;
  const lang = c.locale || feed.defaultLanguage;
  const t = (x) => pickText(x, lang, feed.defaultLanguage).text;
  const forumName = t(feed.forum.name);
  let label = forumName;
  let href = safeUrl(feed.forum.url);
  if (c.widget === 'forum-session-card' && c.session !== 'current') {
    const s = feed.sessions.find((x) => x.id === c.session);
    if (s) {
      label = `${t(s.title)} — ${forumName}`;
      href = safeUrl(s.url) ?? href;
    }
  } else if (c.widget === 'speaker-quote') {
    const q = feed.quotes.find((x) => (c.quote ? x.id === c.quote : x.person === c.person));
    const p = q && feed.people.find((x) => x.id === q.person);
    const s = q?.session && feed.sessions.find((x) => x.id === q.session);
    if (p) label = `${t(p.name)} — ${forumName}`;
    if (s) href = safeUrl(s.url) ?? href;
  }
  return { label, href };
}

/** The script tag: versioned URL, SRI, feed, locale. */
function scriptTag(c, indent = '') {
  const pad = `\n${indent}        `;
  return (
    `${indent}<script src="${esc(scriptSrc())}"` +
    (info ? `${pad}integrity="${esc(info.integrity)}"${pad}crossorigin="anonymous"` : '') +
    `${pad}data-feed="${esc(neutraliseUrl(feedUrl))}"${c.locale ? ` data-locale="${c.locale}"` : ''} defer></script>`
  );
}

// ng-non-bindable (AngularJS) and v-pre (Vue) tell those engines not to compile what is inside;
// the neutralised text is the defence that survives sanitisers, these are the second one.
const NO_COMPILE = ' ng-non-bindable v-pre';

/** The markup form's block: a div with data-* a sanitiser keeps, the fallback inside. */
function markupBlock(c) {
  const w = widgetNamed(c.widget);
  const data = attributes(c)
    .map(([k, v]) => ` data-${k}="${v === '' ? '1' : esc(v)}"`)
    .join('');
  return `<div class="forum-widget" data-widget="${w.name}"${data}>\n  ${fallback(c)}\n</div>\n`;
}

/** What goes once into the site template: the bundle (markup form) or the optional resizer (iframe). */
function templateTag(c) {
  if (c.form !== 'iframe') return scriptTag(c);
  return `<script src="${esc(resizerSrc())}" defer></script>`;
}

/** The iframe form's address: embed.html beside the bundle, the choices in its query. */
function frameUrl(c) {
  const q = new URLSearchParams({ widget: c.widget, feed: feedUrl });
  for (const [k, v] of attributes(c)) q.set(k, v === '' ? '1' : v);
  if (c.locale) q.set('locale', c.locale);
  return `${embedPage()}?${q}`;
}

function frameTitle(c) {
  const label = fallbackLabel(c);
  return label ? neutraliseText(label) : tr(`w.${c.widget}`);
}

function snippetHtml(c) {
  if (c.form === 'markup') return markupBlock(c);
  if (c.form === 'iframe') {
    const h = reservedHeights(c);
    return (
      `<iframe class="forum-widget-frame" src="${esc(frameUrl(c))}"\n        title="${esc(frameTitle(c))}"` +
      `\n        width="100%" height="${h?.phone ?? 300}" frameborder="0" loading="lazy"></iframe>\n`
    );
  }
  const attrs = attributes(c)
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${esc(v)}"`))
    .join('');
  const style = reserveCss(c);
  return `${scriptTag(c)}\n${style ? `<style>\n${style}</style>\n` : ''}<${c.widget}${attrs}${NO_COMPILE}>\n  ${fallback(c)}\n</${c.widget}>\n`;
}

/** Accent and font, as custom properties on the element. */
function looksCss(c) {
  const decl = [];
  if (c.accent) decl.push(`  --forum-color-accent: ${c.accent};`);
  if (c.font) decl.push(`  --forum-font-family: ${c.font};`);
  return decl.length && c.form !== 'iframe' ? `${c.widget} {\n${decl.join('\n')}\n}\n` : '';
}

const snippetCss = (c) => looksCss(c) + reserveCss(c);

const origin = (u) => {
  try {
    const x = new URL(u);
    return x.protocol === 'data:' ? 'data:' : x.origin;
  } catch {
    return undefined;
  }
};

function cspLines(c) {
  const images = new Set();
  if (feed) {
    const pics =
      c.widget === 'organizer-strip'
        ? feed.organizers.filter((o) => !c.roles.length || c.roles.includes(o.role)).map((o) => o.logo)
        : c.widget === 'partner-counter'
          ? []
          : feed.people.map((p) => p.photo);
    for (const u of pics) {
      const safe = u && safeUrl(u, 'image');
      if (safe) images.add(origin(safe));
    }
  }
  images.delete(undefined);
  if (c.form === 'iframe') return { text: `frame-src ${origin(embedPage())};\nscript-src ${origin(resizerSrc())}\n`, images: 1 };
  const lines = [`script-src ${origin(scriptSrc())}`, `connect-src ${origin(feedUrl)}`];
  if (images.size) lines.push(`img-src ${[...images].sort().join(' ')}`);
  lines.push('trusted-types lit-html forum-widgets');
  if (c.form === 'element' && reserveCss(c)) lines.push(`style-src ${styleHash(reserveCss(c))}`);
  return { text: lines.join(';\n') + '\n', images: images.size };
}

// ---------- Space reservation ----------

let reserve = { key: '', heights: undefined, running: '' };

const columns = () => {
  const phone = Math.min(800, Math.max(200, Math.round(Number($('col-phone').value)) || 320));
  const desktop = Math.min(2000, Math.max(300, Math.round(Number($('col-desktop').value)) || 720));
  // The viewport width from which the column is at least `desktop` wide: by default that column
  // plus 48 px of page margins; a page with a sidebar or wide margins gives its own.
  const typed = Math.round(Number($('wide-from').value));
  return { phone, desktop, wideFrom: typed ? Math.min(4000, Math.max(desktop, typed)) : desktop + 48 };
};

// session="current" with a long programme: the sessions with the most to show (title, summary,
// people) in every state; the rest in one (below), so that measuring stays a matter of seconds.
const MAX_CURRENT = 12;
const HOUR = 3_600_000;
const DAY_MS = 24 * HOUR;

/**
 * What to measure: { attrs, at } per element — the element itself (at the real "now"), and for
 * the session card each session it may show (session="current": every one) at the instants its
 * status changes what the card holds (an hour and more ahead, starting soon, live, ended), and,
 * for the full card, for readers in far time zones (its "your time" line, with the date when the
 * reader's day differs, is one or two lines more). The tallest of all is reserved.
 */
function variants(c) {
  const own = attributes(c).filter(([k]) => k !== 'theme' && k !== 'refresh');
  if (c.widget !== 'forum-session-card' || !feed) return [{ attrs: own }];
  const text = (x) => (x && typeof x === 'object' ? Object.values(x).join('').length : String(x ?? '').length);
  const weight = (s) => text(s.title) * 2 + text(s.summary) + 40 * ((s.speakers?.length ?? 0) + (s.moderators?.length ?? 0));
  const ranked = c.session === 'current' ? [...feed.sessions].sort((x, y) => weight(y) - weight(x)) : feed.sessions.filter((s) => s.id === c.session);
  const sessions = ranked.slice(0, MAX_CURRENT);
  const out = [{ attrs: own }];
  // The rest of a long programme once each, as the card shows it an hour and more ahead (the
  // calendar button and the page link both there) to a reader on the far side of the world.
  for (const s of ranked.slice(MAX_CURRENT)) {
    const attrs = own.map(([k, v]) => [k, k === 'session' ? s.id : v]);
    out.push({ attrs: c.compact ? attrs : [...attrs, ['reader-time-zone', 'Etc/GMT-14']], at: Date.parse(s.start) - 2 * HOUR });
  }
  for (const s of sessions) {
    const a = Date.parse(s.start);
    const b = Date.parse(s.end);
    if (!(a < b)) continue;
    const attrs = own.map(([k, v]) => [k, k === 'session' ? s.id : v]);
    // Reader zones as fixed offsets (Etc/GMT-N is UTC+N): the two far ends of the world, and the
    // first whole-hour offset where the session runs over the reader's midnight (two dates).
    const zones = [undefined];
    if (!c.compact) {
      zones.push('Etc/GMT-14', 'Etc/GMT+12');
      for (let h = -12; h <= 14; h++)
        if (Math.floor((a + h * HOUR) / DAY_MS) !== Math.floor((b + h * HOUR) / DAY_MS)) {
          zones.push(h > 0 ? `Etc/GMT-${h}` : h < 0 ? `Etc/GMT+${-h}` : 'Etc/GMT');
          break;
        }
    }
    for (const at of [a - 2 * HOUR, a - 30 * 60_000, a + 60_000, b + 60_000])
      for (const z of zones) out.push({ attrs: z ? [...attrs, ['reader-time-zone', z]] : attrs, at });
  }
  return out;
}

function reserveKey(c) {
  return JSON.stringify([feedUrl, status.kind === 'ok' ? feed?.sessions.length : 0, c.widget, variants(c), attributes(c), c.locale, c.font, columns().phone, columns().desktop]);
}

/** Starts measuring when the choices changed what the reservation depends on. */
function measureIfNeeded(c) {
  if (!feed) return;
  const key = reserveKey(c);
  if (key === reserve.key || key === reserve.running) return;
  reserve.running = key;
  document.body.dataset.reserve = 'measuring';
  measureHeights({
    bundle: BUNDLE,
    stylesheet: here('preview.css'),
    feed,
    locale: c.locale,
    font: c.font,
    variants: variants(c),
    widths: { phone: columns().phone, desktop: columns().desktop },
    tag: c.widget,
    createHTML: (h) => policy.createHTML(h),
  })
    .then((heights) => {
      if (reserve.running !== key) return; // superseded by a later choice
      reserve = { key, heights, running: '' };
      document.body.dataset.reserve = 'ready';
      update();
    })
    .catch((e) => {
      if (reserve.running !== key) return;
      reserve = { key, heights: undefined, running: '' };
      document.body.dataset.reserve = 'failed';
      console.warn(`configurator: could not measure the widget (${e?.message ?? e})`);
      update();
    });
}

/** The measured heights for the current choices, when measured. */
function reservedHeights(c) {
  return reserve.key === reserveKey(c) ? reserve.heights : undefined;
}

/** The selector of the pasted widget: exactly its attributes, so each snippet gets its own rule. */
function reserveSelector(c) {
  if (c.form === 'markup') {
    const w = widgetNamed(c.widget);
    const block = `.forum-widget[data-widget="${w.name}"]` + attributes(c).map(([k, v]) => `[data-${k}="${v === '' ? '1' : v}"]`).join('');
    // Where an editor kept only the link (CKEditor 5), the link holds the space until the script
    // puts the block back around the widget; not a link inside a block, nor one already handled.
    const ours = markupHref(c, '');
    return ours ? `${block},\na[href$="${ours.slice(1).replace(/["\\]/g, '\\$&')}"]:not([data-forum-widget], .forum-widget a)` : block;
  }
  if (c.form === 'iframe') return `iframe.forum-widget-frame[src="${frameUrl(c).replace(/["\\]/g, '\\$&')}"]`;
  return c.widget + attributes(c).map(([k, v]) => (v === '' ? `[${k}]` : `[${k}="${v}"]`)).join('');
}

// How long the reservation waits for a script to upgrade the element before giving the space
// back (no script: a CMS stripped it). Measured (Chromium throttled by CDP, loopback server, the
// sample card, 2 runs each): from the page's HTML arriving to the card having a state, ~5.9 s at
// 2 s round trips and 400 kbit/s (Chrome's "3G" class), ~1.8 s at 562 ms and 1.6 Mbit/s ("slow
// 4G"). A bundle on a new CDN address adds DNS and TLS, about two round trips more (estimate): ~10 s
// on the slowest profile, so 10 s is the longest we can wait without most stripped pages showing
// a blank box for long; a page slower than that gets one shift when the widget starts.
const UNRESERVE_AFTER = '10s';

/** The rule that holds the widget's space from the first paint (phone height, then wide screens). */
function reserveCss(c) {
  const h = reservedHeights(c);
  if (!h) return '';
  const sel = reserveSelector(c);
  const prop = c.form === 'iframe' ? 'block-size' : 'min-block-size';
  const bp = columns().wideFrom;
  // The programme's now-and-next board changes through the day (halls start and finish), and
  // the measurement sees only this moment: reserve at least what three or four halls need.
  const px = (x) => (c.widget === 'forum-programme' && c.mode === 'now' ? `max(${x}px, 20em)` : `${x}px`);
  if (c.form === 'iframe')
    return (
      `/* forum-widgets: the widget's measured height at a ${columns().phone} px and a ${columns().desktop} px column */\n` +
      `${sel} { display: block; ${prop}: ${px(h.phone)}; }\n` +
      `@media (min-width: ${bp}px) { ${sel} { ${prop}: ${px(h.desktop)}; } }\n`
    );
  // Until the widget shows the feed, its fallback (a long link text wraps to several lines on a
  // phone) must not make the box taller than the widget will be: held at exactly the reserved
  // height then. Once it has something to show (or a failure, when the fallback is all there is)
  // the cap goes. Without :has() support the markup form's cap is simply not applied.
  const waiting =
    c.form === 'markup'
      ? sel
          .split(',\n')
          .map((x) => `${x}:not(:has(> [state=ready], > [state=missing], > [state=error]))`)
          .join(',\n')
      : `${sel}:not([state]), ${sel}[state=loading]`;
  // Where a CMS stripped the script but kept this <style>, nothing ever upgrades the element: the
  // reservation ends by itself after UNRESERVE_AFTER (a delayed zero-length animation; animations
  // override the rules above), leaving the fallback link at its own height. Only while no script
  // has touched the element: once it has a state (or the block holds one), the rule no longer
  // matches, the animation is dropped and the reservation holds again. Not for readers who asked
  // for reduced motion: the common reset for them (animation-delay: -1ms !important) would end
  // the reservation at once, and the page would jump when the script runs.
  const unupgraded =
    c.form === 'markup'
      ? sel
          .split(',\n')
          .map((x) => `${x}:not(:has(> [state]))`)
          .join(',\n')
      : `${sel}:not([state])`;
  return (
    `/* forum-widgets: the widget's measured height at a ${columns().phone} px and a ${columns().desktop} px column */\n` +
    `${sel} { display: block; ${prop}: ${px(h.phone)}; }\n` +
    `${waiting} { max-block-size: ${px(h.phone)}; overflow: hidden; }\n` +
    `@media (prefers-reduced-motion: no-preference) {\n  ${unupgraded} { animation: forum-widgets-unreserve 0s ${UNRESERVE_AFTER} forwards; }\n}\n` +
    `@keyframes forum-widgets-unreserve { to { min-block-size: 0; max-block-size: none; } }\n` +
    `@media (min-width: ${bp}px) {\n  ${sel} { ${prop}: ${px(h.desktop)}; }\n  ${waiting} { max-block-size: ${px(h.desktop)}; }\n}\n`
  );
}

// The inline <style> block's CSP hash, so a policy can allow exactly it (no 'unsafe-inline').
const hashes = new Map();
function styleHash(css) {
  const text = `\n${css}`; // the <style> element's text, as the snippet writes it
  if (hashes.has(text)) return hashes.get(text);
  hashes.set(text, `'unsafe-inline'`);
  crypto.subtle
    ?.digest('SHA-256', new TextEncoder().encode(text))
    .then((d) => {
      hashes.set(text, `'sha256-${btoa(String.fromCharCode(...new Uint8Array(d)))}'`);
      update();
    })
    .catch(() => {});
  return hashes.get(text);
}

// ---------- The page's query: every choice, so a link reproduces a snippet ----------

const FORMS = ['element', 'markup', 'iframe'].filter((f) => document.querySelector(`input[name="form"][value="${f}"]`));

/** Sets the controls from a query (values checked; unknown ones ignored). */
function applyQuery(q) {
  const w = widgetNamed(q.get('widget'));
  if (w) document.querySelector(`input[name="widget"][value="${w.tag}"]`).checked = true;
  if (FORMS.includes(q.get('form'))) document.querySelector(`input[name="form"][value="${q.get('form')}"]`).checked = true;
  const pick = (select, value) => {
    if (value !== null && [...select.options].some((o) => o.value === value)) select.value = value;
  };
  const tag = w?.tag ?? 'forum-session-card';
  const val = (name) => {
    const raw = q.get(name);
    if (raw === null) return null;
    const kind = widgetNamed(tag).attrs[name];
    const v = kind ? checkValue(kind, raw) : raw;
    return v instanceof Error ? null : v;
  };
  if (tag === 'forum-session-card') {
    pick($('session'), val('session'));
    $('compact').checked = val('compact') === '';
    if (val('refresh')) $('refresh').value = val('refresh');
  }
  if (tag === 'speaker-quote') {
    if (val('quote')) pick($('quote'), `quote:${val('quote')}`);
    else if (val('person')) pick($('quote'), `person:${val('person')}`);
  }
  if (tag === 'organizer-strip' && val('roles')) {
    const want = val('roles').split(' ');
    for (const i of document.querySelectorAll('input[name="role"]')) i.checked = want.includes(i.value);
  }
  if (tag === 'partner-counter' && val('counters')) {
    const want = val('counters').split(' ');
    for (const i of document.querySelectorAll('input[name="counter"]')) i.checked = want.includes(i.value);
  }
  if (tag === 'forum-programme') {
    pick($('prog-mode'), val('mode'));
    pick($('prog-day'), val('day'));
    pick($('prog-venue'), val('venue'));
    $('kiosk').checked = val('kiosk') === '';
  }
  if (val('heading-level')) pick($('heading-level'), val('heading-level'));
  pick($('locale'), q.get('locale'));
  pick($('theme'), q.get('theme'));
  if (/^#[0-9a-f]{6}$/i.test(q.get('accent') ?? '')) {
    $('accent-on').checked = true;
    $('accent').value = q.get('accent');
  }
  if (q.get('font')) $('font').value = cleanFont(q.get('font'));
  for (const [id, name] of [['col-phone', 'phone-column'], ['col-desktop', 'desktop-column'], ['wide-from', 'wide-from']]) if (/^\d{3,4}$/.test(q.get(name) ?? '')) $(id).value = q.get(name);
}

/** The query for the current choices (written into the address bar on every change). */
function toQuery(c) {
  const q = new URLSearchParams();
  q.set('feed', feedUrl);
  q.set('widget', c.widget);
  for (const [k, v] of attributes(c)) if (k !== 'theme') q.set(k, v === '' ? '1' : v);
  if (c.locale) q.set('locale', c.locale);
  q.set('theme', c.theme);
  q.set('form', c.form);
  if (c.accent) q.set('accent', c.accent);
  if (c.font) q.set('font', c.font);
  const col = columns();
  if (col.phone !== 320) q.set('phone-column', col.phone);
  if (col.desktop !== 720) q.set('desktop-column', col.desktop);
  if ($('wide-from').value) q.set('wide-from', col.wideFrom);
  return q;
}

// ---------- What would stop the snippet working where it is pasted ----------

const PLACEHOLDER = /(^|\.)(example|invalid|test|localhost)$|^example\.(com|org|net)$/i;
const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[::1\]|0\.0\.0\.0)$/i;

function warnings() {
  const out = [];
  const host = (u) => {
    try {
      return new URL(u).hostname;
    } catch {
      return '';
    }
  };
  const src = scriptSrc();
  if (PLACEHOLDER.test(host(src))) out.push(tr('warn.placeholderScript', { url: src }));
  else if (LOOPBACK.test(host(src))) out.push(tr('warn.loopbackScript', { url: src }));
  if (PLACEHOLDER.test(host(feedUrl))) out.push(tr('warn.placeholderFeed', { url: feedUrl }));
  else if (LOOPBACK.test(host(feedUrl))) out.push(tr('warn.loopbackFeed', { url: feedUrl }));
  if (feedTyped) out.push(tr('warn.relativeFeed', { typed: feedTyped, url: feedUrl }));
  for (const u of [src, feedUrl]) if (/^http:/i.test(u) && !LOOPBACK.test(host(u))) out.push(tr('warn.httpOnHttps', { url: u }));
  if (cors.kind === 'none') out.push(tr('warn.noCors'));
  if (cors.kind === 'some') out.push(tr('warn.someCors', { allowed: cors.allowed }));
  if (cors.kind === 'failed') out.push(tr('warn.noFeed', { url: feedUrl }));
  // The link is what carries the markup form through editors that keep only links (CKEditor 5).
  const c = choices();
  if (c.form === 'markup' && feed && !fallbackParts(c)?.href) out.push(tr('warn.markupNoLink'));
  return out;
}

// ---------- Preview ----------

let shownDoc = '';
function preview(c, html) {
  const frame = $('preview');
  // The snippet itself, with the CDN address swapped for the local build: integrity stays, so the
  // frame checks the hash against the real file as a partner's browser will. The markup form gets
  // its template script; the <style> block is applied as a constructed sheet instead (this page's
  // policy, which the frame inherits, forbids inline styles; see styleFrame).
  const withScript = c.form === 'element' ? html : `${templateTag(c)}\n${html}`;
  const local = (s) =>
    info?.cdn ? s.replaceAll(`"${esc(info.src)}"`, `"${esc(BUNDLE)}"`).replaceAll(esc(embedPage()), esc(EMBED_PAGE)).replaceAll(`"${esc(resizerSrc())}"`, `"${esc(RESIZER)}"`) : s;
  const body = local(withScript).replace(/<style>[\s\S]*?<\/style>\n/, '');
  const doc =
    `<!doctype html><html lang="${c.locale || ui}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<link rel="stylesheet" href="${esc(here('preview.css'))}"></head>` +
    `<body class="${c.theme === 'dark' ? 'dark' : ''}">${body}</body></html>`;
  if (doc !== shownDoc) {
    shownDoc = doc;
    frame.srcdoc = policy.createHTML(doc);
  } else styleFrame();
}

/** The stylesheet rule, applied as a constructed stylesheet (CSSOM, allowed under the CSP). */
function styleFrame() {
  const w = $('preview').contentWindow;
  const d = $('preview').contentDocument;
  if (!w || !d || !d.body) return;
  const sheet = new w.CSSStyleSheet();
  // The looks only: the reservation's media query would read the frame's width as the viewport.
  sheet.replaceSync(looksCss(choices()));
  d.adoptedStyleSheets = [sheet];
}

let observer;
$('preview').addEventListener('load', () => {
  const frame = $('preview');
  styleFrame();
  observer?.disconnect();
  const d = frame.contentDocument;
  if (!d?.body) return;
  // The frame fits the widget (grows and shrinks), so the page scrolls rather than the frame.
  // The body's box, not the document's scrollHeight, which never drops below the frame's height.
  observer = new ResizeObserver(() => {
    const m = parseFloat(getComputedStyle(d.body).marginBlockStart) + parseFloat(getComputedStyle(d.body).marginBlockEnd);
    frame.style.blockSize = `${Math.max(120, Math.ceil(d.body.getBoundingClientRect().height + m))}px`;
  });
  observer.observe(d.body);
});

// ---------- Putting it together ----------

function update() {
  const c = choices();
  for (const el of document.querySelectorAll('[data-for]')) el.hidden = !el.dataset.for.split(' ').includes(c.widget);
  $('accent').disabled = !$('accent-on').checked;
  measureIfNeeded(c);
  const html = snippetHtml(c);
  // "Copied" stays while the text is the one copied (a measurement finishing re-runs this).
  const changed = $('snippet').textContent !== html;
  $('snippet').textContent = html;
  $('snippet-hint').textContent = tr(`snippetHint.${c.form}`);
  $('csp-hint').textContent = tr(`cspHint.${c.form}`);
  $('template-block').hidden = c.form === 'element';
  $('snippet-template').textContent = c.form === 'element' ? '' : templateTag(c) + '\n';
  $('template-h').textContent = tr(c.form === 'iframe' ? 'templateResizer' : 'template');
  $('template-hint').textContent = tr(c.form === 'iframe' ? 'templateResizerHint' : 'templateHint');
  const warn = $('snippet-warnings');
  warn.replaceChildren(...warnings().map((w) => Object.assign(document.createElement('li'), { textContent: w })));
  document.body.dataset.reserve = reservedHeights(c) ? 'ready' : 'measuring';
  if (!pendingQuery) history.replaceState(null, '', `${location.pathname}?${toQuery(c)}`);
  const css = snippetCss(c);
  $('css-block').hidden = !css;
  $('snippet-css').textContent = css;
  const csp = cspLines(c);
  $('snippet-csp').textContent = csp.text;
  $('csp-img').textContent = csp.images ? '' : tr('cspNoImg');
  if (changed) $('copy-status').textContent = '';
  for (const w of document.querySelectorAll('.showcase > *')) if (w.localName.includes('-')) w.setAttribute('theme', c.theme);
  document.body.classList.toggle('dark', c.theme === 'dark');
  if (!info) $('copy-status').textContent = tr('noBuild');
  preview(c, html);
}

async function copy() {
  const text = $('snippet').textContent;
  try {
    // The markup form also goes on the clipboard as HTML: pasted into an editor's visual view
    // (TinyMCE, CKEditor), it arrives as the block itself rather than as its source code.
    if (document.querySelector('input[name="form"]:checked')?.value === 'markup' && globalThis.ClipboardItem) {
      const as = (type) => new Blob([text], { type });
      await navigator.clipboard.write([new ClipboardItem({ 'text/plain': as('text/plain'), 'text/html': as('text/html') })]);
    } else await navigator.clipboard.writeText(text);
    $('copy-status').textContent = tr('copied');
    return;
  } catch {
    // No clipboard permission (plain http, older browser): select the text for Ctrl+C.
  }
  const range = document.createRange();
  range.selectNodeContents($('snippet'));
  const sel = getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  let done = false;
  try {
    done = document.execCommand('copy');
  } catch {}
  $('copy-status').textContent = tr(done ? 'copied' : 'copySelect');
}

async function start() {
  try {
    const res = await fetch(here(root.dataset.info), { cache: 'no-cache' });
    if (res.ok) info = await res.json();
  } catch {}
  // A feed named in the query (http or https only), else the sample.
  let first = SAMPLE;
  try {
    const q = pendingQuery.get('feed');
    if (q && /^https?:$/.test(new URL(q, location.href).protocol)) first = new URL(q, location.href).href;
  } catch {}
  $('feed-url').value = first;
  $('config').addEventListener('submit', (e) => {
    e.preventDefault();
    const typed = $('feed-url').value.trim();
    if (!$('feed-url').reportValidity()) return;
    feedTyped = /^[a-z][a-z0-9+.-]*:/i.test(typed) ? '' : typed;
    loadFeed(here(typed));
  });
  $('config').addEventListener('change', (e) => {
    if (e.target.id !== 'feed-url') update();
  });
  $('font').addEventListener('input', update);
  $('ui-lang').addEventListener('change', (e) => applyUi(e.target.value));
  for (const r of document.querySelectorAll('input[name="width"]')) {
    r.addEventListener('change', () => ($('preview').className = r.value));
  }
  $('copy').addEventListener('click', copy);
  applyUi(initialUi());
  await loadFeed(first);
  document.body.dataset.ready = 'true';
}

start();
