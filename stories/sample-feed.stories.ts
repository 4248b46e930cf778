// The sample feed (feeds/rcf-2025.json) rendered by all four elements together, as a partner's
// page about the forum would show it. Shown on the "Sample feed" docs page.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { READER_ZONE, SAMPLE_FEED_URL } from './support/story-kit.js';

const meta: Meta = {
  title: 'Docs/Sample feed',
  tags: ['!autodocs'],
  // During the session, so the card is live; the elements load the feed file like a partner page.
  parameters: { now: '2025-05-19T14:30:00+10:00', layout: 'fullscreen' },
};
export default meta;

/** All four elements from one `src`: the page makes one request, shared by every widget. */
export const AllFour: StoryObj = {
  render: () => html`<div class="sample-page">
    <forum-session-card class="sample-card" src=${SAMPLE_FEED_URL} session="current" reader-time-zone=${READER_ZONE} heading-level="2"></forum-session-card>
    <speaker-quote class="sample-quote" src=${SAMPLE_FEED_URL} quote="zalivatsky-technopark"></speaker-quote>
    <speaker-quote class="sample-quote" src=${SAMPLE_FEED_URL} quote="shang-industrial-park"></speaker-quote>
    <partner-counter class="sample-counter" src=${SAMPLE_FEED_URL} counters="thematic-platforms applications"></partner-counter>
    <organizer-strip class="sample-strip" src=${SAMPLE_FEED_URL} heading-level="2"></organizer-strip>
  </div>`,
};
