// The feed contract in code, for applications and tools: types, validator, text and URL helpers
// and the shared loader. No side effects.
export type * from './types.js';
export { validateFeed, parseFeed, warningsOf, type ValidationResult, type ValidateOptions } from './validate.js';
export { pickText, type PickedText } from './text.js';
export { safeUrl, type UrlKind } from './url.js';
export { createFeedLoader, feedLoader, MIN_REFRESH, type FeedState, type FeedListener, type FeedLoader, type FeedLoaderOptions, type LoaderStats, type SubscribeOptions } from './loader.js';
