// Types of feed-builder.mjs (plain JavaScript so that Node's e2e tests import it as is).
import type { FeedDocument, Forum, Session, Person } from '../../src/feed/types.js';

export declare const FORUM: Readonly<Forum>;
export declare function buildFeed(parts?: Partial<Omit<FeedDocument, 'forum'>> & { forum?: Partial<Forum> } & Record<string, unknown>): FeedDocument;
export declare const isoUtc: (ms: number) => string;
export declare function syntheticProgramme(options?: { sessions?: number; people?: number; year?: number }): { sessions: Session[]; people: Person[] };
