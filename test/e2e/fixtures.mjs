// Feeds and host-page markup shared by the end-to-end cases. The good feed is the project's
// sample feed (feeds/rcf-2025.json); expected strings are read from it, never typed in twice.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const samplePath = fileURLToPath(new URL('../../feeds/rcf-2025.json', import.meta.url));

/** A fresh deep copy of the sample feed. */
export const sampleFeed = () => JSON.parse(readFileSync(samplePath, 'utf8'));

// Feeds built from parts come from the one builder the unit tests, stories and bench use.
export { buildFeed, syntheticProgramme, isoUtc } from '../helpers/feed-builder.mjs';

/** The feed text for a UI locale (the sample feed has ru, en and zh-Hans for what is used here). */
export const textIn = (text, locale) => (typeof text === 'string' ? text : text[locale] ?? text.en ?? Object.values(text)[0]);

/** One of each widget, each with fallback children (what a webmaster pastes). */
export function widgetsMarkup(feed = sampleFeed(), attrs = '') {
  const s = feed.sessions[0];
  const q = feed.quotes[0];
  return `
<forum-session-card session="${s.id}" ${attrs}><a href="https://forum.example/${s.id}">Session page (fallback)</a></forum-session-card>
<speaker-quote quote="${q.id}" ${attrs}><p>Quote fallback</p></speaker-quote>
<organizer-strip ${attrs}><p>Organisers fallback</p></organizer-strip>
<partner-counter ${attrs}><p>Counters fallback</p></partner-counter>`;
}

/** Strings each widget must show for `feed` in `locale` (selector -> strings). */
export function expectedTexts(feed, locale) {
  return {
    'forum-session-card': [textIn(feed.sessions[0].title, locale)],
    'speaker-quote': [textIn(feed.quotes[0].text, locale).slice(0, 40), textIn(feed.people.find((p) => p.id === feed.quotes[0].person).name, locale)],
    'organizer-strip': [textIn(feed.organizers[0].name, locale)],
    'partner-counter': [textIn(feed.counters[0].label, locale)],
  };
}

/** A host page around `body`; `head` goes before it (styles, scripts). */
export const htmlPage = ({ lang = 'en', head = '', body = '', meta = '<meta charset="utf-8">' } = {}) =>
  `<!doctype html>\n<html lang="${lang}"><head>${meta}<title>host page</title>${head}</head><body>${body}</body></html>\n`;

/** Encodes a string as windows-1251 bytes (the page bytes of a legacy CMS). */
export function toWindows1251(s) {
  const dec = new TextDecoder('windows-1251');
  const map = new Map();
  for (let b = 0; b < 256; b++) map.set(dec.decode(Uint8Array.of(b)), b);
  const out = [];
  for (const ch of s) {
    const b = map.get(ch);
    if (b === undefined) throw new Error(`not in windows-1251: ${JSON.stringify(ch)}`);
    out.push(b);
  }
  return Buffer.from(out);
}
