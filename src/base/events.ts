// The events every widget dispatches, typed for applications: `detail` of forum-feed-load and
// forum-feed-error, and HTMLElementEventMap entries so addEventListener('forum-feed-error', e =>
// e.detail.errors) type-checks on any element or document (both events bubble and are composed).
import type { Feed } from '../feed/types.js';

/** `detail` of `forum-feed-load`: a good feed is shown. */
export interface FeedLoadDetail {
  /** The feed's URL; absent when the feed came as an object through the `feed` property. */
  url?: string;
  /** The feed shown (validated). */
  feed: Feed;
  /** Items the validator dropped from an otherwise good feed, as `path: message` lines; always
   * sent (empty when nothing was dropped), so `e.detail.warnings.length` type-checks. */
  warnings: string[];
}

/** `detail` of `forum-feed-error`: the feed could not be used. */
export interface FeedErrorDetail {
  /** The feed's URL; absent for a `feed` object. */
  url?: string;
  /** What is wrong, as the validator's and loader's `path: message` lines. */
  errors: string[];
}

export type FeedLoadEvent = CustomEvent<FeedLoadDetail>;
export type FeedErrorEvent = CustomEvent<FeedErrorDetail>;

declare global {
  interface HTMLElementEventMap {
    'forum-feed-load': FeedLoadEvent;
    'forum-feed-error': FeedErrorEvent;
    /** `<partner-counter>`: the count-up finished on the final values. */
    'forum-counter-done': CustomEvent<null>;
  }
  interface DocumentEventMap {
    'forum-feed-load': FeedLoadEvent;
    'forum-feed-error': FeedErrorEvent;
  }
}
