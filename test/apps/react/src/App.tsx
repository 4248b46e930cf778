// The React 19 recipe of docs/npm.md: the elements as JSX with `feed` as a property and both
// events as on<event> props, type-checked against forum-widgets/react.
import 'forum-widgets/define';
import type {} from 'forum-widgets/react';
import feed from 'forum-widgets/feeds/rcf-2025.json';
import type { FeedErrorDetail, FeedLoadDetail } from 'forum-widgets';
import { useState } from 'react';

export function App() {
  const [events, setEvents] = useState<string[]>([]);
  const onLoad = (e: CustomEvent<FeedLoadDetail>) =>
    setEvents((l) => [...l, `forum-feed-load ${(e.target as Element).localName} ${e.detail.feed.forum.id}`]);
  const onError = (e: CustomEvent<FeedErrorDetail>) =>
    setEvents((l) => [...l, `forum-feed-error ${(e.target as Element).localName} ${e.detail.errors.length}`]);
  return (
    <main>
      <forum-session-card session="industrial-parks" feed={feed} heading-level={2} onforum-feed-load={onLoad} />
      <speaker-quote quote="zalivatsky-technopark" feed={feed} theme="dark" onforum-feed-load={onLoad} />
      <organizer-strip src="./no-such-feed.json" onforum-feed-error={onError}>
        <a href="https://forum.example/">The forum's organisers</a>
      </organizer-strip>
      <pre id="events">{events.join('\n')}</pre>
    </main>
  );
}
