// Not rendered: what the Svelte typings must reject. Each @ts-expect-error fails svelte-check if
// its line stops being an error (the tags fell back to `any` or lost a type).
import type { SvelteHTMLElements } from 'svelte/elements';
import type {} from 'forum-widgets/svelte';

type Card = SvelteHTMLElements['forum-session-card'];
// @ts-expect-error `feed` is a feed, not a string
export const a: Card = { feed: 'https://forum.example/feed.json' };
// @ts-expect-error heading-level is a number
export const b: Card = { 'heading-level': [2] };
// @ts-expect-error a load's detail has no `errors`
export const c: Card = { 'onforum-feed-load': (e) => e.detail.errors };
export const d: Card = { session: 'industrial-parks', 'onforum-feed-error': (e) => e.detail.errors.join('\n') };
