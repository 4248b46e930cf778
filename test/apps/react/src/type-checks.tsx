// Not rendered: lines the typings must reject. Each @ts-expect-error fails the type-check if its
// line stops being an error, i.e. if the tags fell back to `any` or lost a type.
import type {} from 'forum-widgets/react';

export const rejected = [
  // @ts-expect-error the attribute is `session`
  <forum-session-card sesion="industrial-parks" />,
  // @ts-expect-error heading-level is a number
  <organizer-strip heading-level={[2]} />,
  // @ts-expect-error `feed` is a feed, not a string
  <speaker-quote feed="https://forum.example/feed.json" />,
  // @ts-expect-error `detail.errors` is on forum-feed-error, not forum-feed-load
  <partner-counter onforum-feed-load={(e) => e.detail.errors} />,
  // @ts-expect-error `state` is set by the element
  <speaker-quote state="ready" />,
];

export function listen(el: HTMLElement) {
  el.addEventListener('forum-feed-error', (e) => e.detail.errors.join('\n'));
  el.addEventListener('forum-feed-load', (e) => e.detail.feed.sessions.length + (e.detail.warnings?.length ?? 0));
  // @ts-expect-error a load's detail has no `errors`
  el.addEventListener('forum-feed-load', (e) => e.detail.errors);
  document.querySelector('forum-session-card')!.feed = null;
}
