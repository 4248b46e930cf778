// Types of `import feed from 'forum-widgets/feeds/<name>.json'` (package.json exports point here):
// the feed as published, so it can be given to an element's `feed` property without a cast.
// TypeScript would otherwise infer `version: number` and `role: string` from the JSON text,
// which the feed type does not accept. Elements still validate it at run time.
import type { FeedDocument } from '../dist/lib/feed/index.js';

declare const feed: FeedDocument;
export default feed;
