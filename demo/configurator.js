// The embed configurator: loads and checks a feed with the widgets' own validator, offers the
// choices that feed allows, previews the real built bundle in a frame, and writes the snippet a
// partner pastes (script tag with versioned URL and SRI, the element, a fallback link) plus the
// stylesheet rule and CSP directives it needs. No innerHTML anywhere: feed text is untrusted, and
// the page runs under Trusted Types.
import { parseFeed } from '../dist/lib/feed/validate.js';
import { pickText } from '../dist/lib/feed/text.js';
import { safeUrl } from '../dist/lib/feed/url.js';
import { STRINGS } from './strings.js';

const $ = (id) => document.getElementById(id);
const root = document.documentElement;
const here = (path) => new URL(path, location.href).href;
const BUNDLE = here(root.dataset.bundle);
const SAMPLE = here(root.dataset.sampleFeed);
const ROLES = ['organizer', 'support', 'operator', 'partner', 'media-partner'];
const UI = ['en', 'ru', 'zh-Hans'];

// Only this module writes HTML (the preview's srcdoc), through one named policy.
const policy = globalThis.trustedTypes?.createPolicy('forum-configurator', { createHTML: (s) => s }) ?? { createHTML: (s) => s };

let ui = 'en';
let info; // dist/configurator/embed.json: { version, src, integrity }
let feed; // the last good feed
let feedUrl = SAMPLE;

// ---------- UI language ----------

function tr(key, vars = {}) {
  const s = STRINGS[ui][key] ?? STRINGS.en[key] ?? key;
  return s.replace(/\{(\w+)\}/g, (_, k) => String(vars[k] ?? ''));
}

function applyUi(lang) {
  ui = UI.includes(lang) ? lang : 'en';
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
  if (UI.includes(wanted)) return wanted;
  return /^ru\b/i.test(wanted) ? 'ru' : /^zh\b(?!-(Hant|TW|HK|MO))/i.test(wanted) ? 'zh-Hans' : 'en';
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
  try {
    const res = await fetch(url, { cache: 'no-cache' });
    if (!res.ok) errors = [`feed: HTTP ${res.status} from ${url}`];
    else {
      const r = parseFeed(await res.text());
      if (r.ok) good = r.feed;
      else errors = r.errors;
    }
  } catch (e) {
    errors = [`feed: no response from ${url} (${e?.message ?? e})`];
  }
  if (mine !== seq) return; // a later check superseded this one
  if (good) {
    feed = good;
    fillChoices(feed);
    status = { kind: 'ok', feed: good };
  } else status = { kind: 'error', errors };
  showStatus();
  update();
}

function showStatus() {
  const summary = $('feed-summary');
  const list = $('feed-errors');
  list.replaceChildren();
  $('feed-status').dataset.state = status.kind;
  if (status.kind === 'loading') summary.textContent = tr('checking');
  else if (status.kind === 'ok') {
    const f = status.feed;
    summary.textContent = tr('valid', {
      sessions: f.sessions.length,
      people: f.people.length,
      quotes: f.quotes.length,
      organizers: f.organizers.length,
      counters: f.counters.length,
    });
  } else if (status.kind === 'error') {
    const more = /^feed: (\d+) more problems not listed$/.exec(status.errors.at(-1) ?? '');
    summary.textContent = tr('invalid', { n: status.errors.length + (more ? Number(more[1]) - 1 : 0) });
    for (const line of status.errors) {
      const li = document.createElement('li');
      li.textContent = line; // the validator's `path: message` lines, as the CLI prints them
      list.append(li);
    }
  } else summary.textContent = '';
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
    session: $('session').value || 'current',
    compact: $('compact').checked,
    refresh: Number($('refresh').value) > 0 ? String(Math.max(5, Math.round(Number($('refresh').value)))) : '',
    quote: q.startsWith('quote:') ? q.slice(6) : '',
    person: q.startsWith('person:') ? q.slice(7) : '',
    roles: [...document.querySelectorAll('input[name="role"]:checked')].map((i) => i.value),
    allRoles: [...document.querySelectorAll('input[name="role"]')].map((i) => i.value),
    counters: [...document.querySelectorAll('input[name="counter"]:checked')].map((i) => i.value),
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
  } else if (c.counters.length) a.push(['counters', c.counters.join(' ')]);
  if (c.theme !== 'light') a.push(['theme', c.theme]);
  if (c.headingLevel !== '3' && (c.widget === 'forum-session-card' || c.widget === 'organizer-strip')) a.push(['heading-level', c.headingLevel]);
  return a;
}

/** What a reader sees without the script: a link to the most specific page the feed names. */
function fallback(c) {
  if (!feed) return '';
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
  return href ? `<a href="${esc(href)}">${esc(label)}</a>` : `<p>${esc(label)}</p>`;
}

function snippetHtml(c, src = info?.src ?? BUNDLE) {
  const script =
    `<script src="${esc(src)}"\n` +
    (info ? `        integrity="${esc(info.integrity)}"\n        crossorigin="anonymous"\n` : '') +
    `        data-feed="${esc(feedUrl)}"${c.locale ? ` data-locale="${c.locale}"` : ''} defer></script>`;
  const attrs = attributes(c)
    .map(([k, v]) => (v === '' ? ` ${k}` : ` ${k}="${esc(v)}"`))
    .join('');
  return `${script}\n<${c.widget}${attrs}>\n  ${fallback(c)}\n</${c.widget}>\n`;
}

function snippetCss(c) {
  const decl = [];
  if (c.accent) decl.push(`  --forum-color-accent: ${c.accent};`);
  if (c.font) decl.push(`  --forum-font-family: ${c.font};`);
  return decl.length ? `${c.widget} {\n${decl.join('\n')}\n}\n` : '';
}

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
  const lines = [`script-src ${origin(info?.src ?? BUNDLE)}`, `connect-src ${origin(feedUrl)}`];
  if (images.size) lines.push(`img-src ${[...images].sort().join(' ')}`);
  lines.push('trusted-types lit-html');
  return { text: lines.join(';\n') + '\n', images: images.size };
}

// ---------- Preview ----------

let shownDoc = '';
function preview(c, html) {
  const frame = $('preview');
  // The snippet itself, with the CDN address swapped for the local build: integrity stays, so the
  // frame checks the hash against the real file as a partner's browser will.
  const body = info ? html.replace(`src="${esc(info.src)}"`, `src="${esc(BUNDLE)}"`) : html;
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
  sheet.replaceSync(snippetCss(choices()));
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
  const html = snippetHtml(c);
  $('snippet').textContent = html;
  const css = snippetCss(c);
  $('css-block').hidden = !css;
  $('snippet-css').textContent = css;
  const csp = cspLines(c);
  $('snippet-csp').textContent = csp.text;
  $('csp-img').textContent = csp.images ? '' : tr('cspNoImg');
  $('copy-status').textContent = '';
  for (const w of document.querySelectorAll('.showcase > *')) if (w.localName.includes('-')) w.setAttribute('theme', c.theme);
  document.body.classList.toggle('dark', c.theme === 'dark');
  if (!info) $('copy-status').textContent = tr('noBuild');
  preview(c, html);
}

async function copy() {
  const text = $('snippet').textContent;
  try {
    await navigator.clipboard.writeText(text);
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
  $('feed-url').value = SAMPLE;
  $('config').addEventListener('submit', (e) => {
    e.preventDefault();
    if ($('feed-url').reportValidity()) loadFeed(here($('feed-url').value.trim()));
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
  await loadFeed(SAMPLE);
  document.body.dataset.ready = 'true';
}

start();
