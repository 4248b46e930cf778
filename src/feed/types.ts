// TypeScript types of the feed, derived from the schema so that they cannot disagree with it.
import type { Infer } from './schema-kit.js';
import type * as s from './schema.js';

export type Text = Infer<typeof s.text>;
export type Forum = Infer<typeof s.forum>;
export type Session = Infer<typeof s.session>;
export type Person = Infer<typeof s.person>;
export type Quote = Infer<typeof s.quote>;
export type Organization = Infer<typeof s.organization>;
export type Counter = Infer<typeof s.counter>;
export type Role = Organization['role'];
export type Qualifier = NonNullable<Counter['qualifier']>;

/** The feed as published: lists may be absent. */
export type FeedDocument = Infer<typeof s.feed>;

type Lists = 'sessions' | 'people' | 'quotes' | 'organizers' | 'counters';
/** The feed after validation: every list is present (absent ones become []). */
export type Feed = Omit<FeedDocument, Lists> & Required<Pick<FeedDocument, Lists>>;
