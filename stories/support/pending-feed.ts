// The loading state needs a feed request that has not answered. A request to a real server
// would either answer (404 is an error, not loading) or leave the machine, so stories that show
// loading name this URL, and the preview page holds requests for it (see holdPendingFeed). Same
// origin, so without the hold it is a plain 404 on the Storybook server and never leaves the machine.
export const PENDING_FEED_URL = '__stories__/feed-that-never-answers.json';

/**
 * A classic script for the preview page's <head>: it wraps fetch before any module runs. The feed
 * loader keeps the fetch it finds when it loads (a host page that patches fetch later changes
 * nothing), and Storybook's chunks do not promise which module evaluates first, so a stub
 * installed by a story or by preview.ts would come too late. The loader's own 15 s timeout still
 * ends the wait, as it would for a reader.
 */
export const holdPendingFeed = `<script>(() => {
  const real = fetch;
  const held = ${JSON.stringify('/' + PENDING_FEED_URL)};
  window.fetch = (input, init) =>
    new URL(input instanceof Request ? input.url : String(input), document.baseURI).pathname.endsWith(held)
      ? new Promise(() => {})
      : real(input, init);
})();</script>`;
