// The Angular recipe of docs/npm.md: a standalone component with CUSTOM_ELEMENTS_SCHEMA, `feed`
// bound as a property, both events bound with (forum-feed-load) / (forum-feed-error).
import 'forum-widgets/define';
import { Component, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import feed from 'forum-widgets/feeds/rcf-2025.json';
import type { FeedErrorEvent, FeedLoadEvent } from 'forum-widgets';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <forum-session-card session="industrial-parks" [feed]="feed" heading-level="2" (forum-feed-load)="onLoad($event)"></forum-session-card>
      <speaker-quote quote="zalivatsky-technopark" [feed]="feed" theme="dark" (forum-feed-load)="onLoad($event)"></speaker-quote>
      <organizer-strip src="./no-such-feed.json" (forum-feed-error)="onError($event)">
        <a href="https://forum.example/">The forum's organisers</a>
      </organizer-strip>
      <pre id="events">{{ events().join('\n') }}</pre>
    </main>
  `,
})
export class AppComponent {
  protected readonly feed = feed;
  protected readonly events = signal<string[]>([]);

  // With CUSTOM_ELEMENTS_SCHEMA Angular types $event as Event: name the event type here.
  protected onLoad(e: Event) {
    const { detail, target } = e as FeedLoadEvent;
    this.events.update((l) => [...l, `forum-feed-load ${(target as Element).localName} ${detail.feed.forum.id}`]);
  }

  protected onError(e: Event) {
    const { detail, target } = e as FeedErrorEvent;
    this.events.update((l) => [...l, `forum-feed-error ${(target as Element).localName} ${detail.errors.length}`]);
  }
}
