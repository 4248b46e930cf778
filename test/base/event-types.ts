// Compile-time check (tsc -p ., `npm run typecheck`): the README's event code type-checks as written.
// `detail.warnings` is always sent (an empty list when nothing was dropped), so it is not optional.
import type { FeedLoadEvent } from '../../src/index.js';

export const warningCount = (e: FeedLoadEvent): number => e.detail.warnings.length;
document.addEventListener('forum-feed-load', (e) => e.detail.warnings.map((line) => line.length));
