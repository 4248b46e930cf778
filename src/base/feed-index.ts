// A feed's items by id, built once per feed object and shared by every widget on that feed (a
// refreshed feed is a new object, hence a new entry; the old one goes with its feed).
import type { Feed } from '../feed/types.js';

type Listed = 'sessions' | 'people' | 'quotes' | 'counters' | 'organizers';
type Item<K extends Listed> = Feed[K][number];

const indexes = new WeakMap<Feed, Partial<Record<Listed, Map<string, unknown>>>>();

/** The item of `feed[kind]` with this id (the first, if a feed repeats one), or undefined. */
export function byId<K extends Listed>(feed: Feed, kind: K, id: string | undefined): Item<K> | undefined {
  let all = indexes.get(feed);
  // No prototype: a host page's enumerable Object.prototype.sessions must not pose as an index.
  if (!all) indexes.set(feed, (all = Object.create(null) as {}));
  let m = all[kind];
  if (!m) {
    m = new Map();
    for (const x of feed[kind] as { id: string }[]) if (!m.has(x.id)) m.set(x.id, x);
    all[kind] = m;
  }
  return m.get(id ?? '') as Item<K> | undefined;
}
