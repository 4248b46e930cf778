// Shared by the CMS tests: a feed whose texts carry template expressions, snippets taken from the
// real configurator (served next to the bundle), and vendor files from node_modules served on
// the same loopback server.
import { readFileSync } from 'node:fs';
import { openPage, ROOT } from '../configurator/helpers.mjs';

const sample = JSON.parse(readFileSync(new URL('feeds/rcf-2025.json', ROOT), 'utf8'));

// Each runs code in the page when a template engine evaluates it: AngularJS 1.x (no sandbox since
// 1.6) and Vue 3 (property access reaches Function), and lodash/EJS-style and JS template strings.
export const PAYLOADS = [
  "{{constructor.constructor('window.__pwned=(window.__pwned||[]).concat(\"angular\")')()}}",
  "{{ $data.constructor.constructor('window.__pwned=(window.__pwned||[]).concat(\"vue\")')() }}",
  '[[window.__pwned=1]]',
  '<%= window.__pwned=1 %>',
  '${window.__pwned=1}',
];

/** The sample feed with every text a snippet can carry (forum, session titles, names) hostile. */
export function hostileFeed() {
  const feed = structuredClone(sample);
  const evil = (t) => ({ ru: `${t} ${PAYLOADS.join(' ')}`, en: `${t} ${PAYLOADS.join(' ')}` });
  feed.forum.name = evil('Форум');
  for (const s of feed.sessions) s.title = evil(typeof s.title === 'string' ? s.title : s.title.ru);
  for (const p of feed.people) p.name = evil(typeof p.name === 'string' ? p.name : p.name.ru);
  return feed;
}

/** Serves a node_modules file at /vendor/<path>. */
export function vendor(server, path, type = 'text/javascript; charset=utf-8') {
  server.add(`/vendor/${path}`, readFileSync(new URL(`node_modules/${path}`, ROOT)), { type });
  return `/vendor/${path}`;
}

/** The configurator's snippet (and template part) for `query`, once it has measured. */
export async function snippetFor(browser, server, query) {
  const p = await openPage(browser);
  try {
    await p.page.goto(server.url(`/demo/?${query}`));
    await p.page.waitForSelector('body[data-ready="true"]', { state: 'attached' });
    await p.page.waitForSelector('body[data-reserve="ready"]', { state: 'attached', timeout: 30_000 });
    return { snippet: await p.page.textContent('#snippet'), template: await p.page.textContent('#snippet-template'), css: await p.page.textContent('#snippet-css') };
  } finally {
    await p.close();
  }
}
