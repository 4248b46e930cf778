// <forum-session-card>: every status at a pinned instant, current mode, compact, crowded, and
// the loading / fallback / error / unknown-id states. The sample session is 19 May 2025,
// 14:00-15:30 Khabarovsk time (UTC+10); the reader is pinned to Moscow (UTC+3).
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import {
  PENDING_FEED_URL,
  READER_ZONE,
  SAMPLE_FEED_URL,
  crowdedFeed,
  invalidFeed,
  programmeFeed,
  sampleFeed,
  withPhotos,
  pageTheme,
} from './support/story-kit.js';

interface Args {
  feed?: unknown;
  src?: string;
  session?: string;
  compact?: boolean;
  headingLevel?: number;
  readerTimeZone?: string;
  fallback?: string;
}

const FALLBACK = 'Industrial parks: a platform for Russian-Chinese cooperation. 19 May, 14:00, Khabarovsk.';

const card = ({ feed, src, session, compact, headingLevel, readerTimeZone, fallback }: Args) =>
  html`<forum-session-card
    .feed=${feed}
    src=${src ?? nothing}
    session=${session ?? nothing}
    ?compact=${compact}
    heading-level=${headingLevel ?? nothing}
    reader-time-zone=${readerTimeZone ?? nothing}
    >${fallback ? html`<p>${fallback}</p>` : nothing}</forum-session-card
  >`;

const meta: Meta<Args> = {
  title: 'Widgets/Session card',
  component: 'forum-session-card',
  args: { feed: sampleFeed(), session: 'industrial-parks', compact: false, headingLevel: 3, readerTimeZone: READER_ZONE },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    fallback: { control: 'text', description: 'Fallback children (shown until the feed can be used)' },
  },
  render: card,
};
export default meta;
type Story = StoryObj<Args>;

/** Five hours before the session (09:00 Khabarovsk): upcoming, with the reader's own time. */
export const Upcoming: Story = { parameters: { now: '2025-05-19T09:00:00+10:00' } };

/** 25 minutes before: the badge counts the minutes down (the next change is a minute away). */
export const StartingSoon: Story = { parameters: { now: '2025-05-19T13:35:00+10:00' } };

/** During the session, with the live stream linked. */
export const LiveWithStream: Story = {
  args: { feed: programmeFeed() },
  parameters: { now: '2025-05-19T14:30:00+10:00' },
};

/** After the session. */
export const Ended: Story = { parameters: { now: '2025-05-19T16:00:00+10:00' } };

/** A cancelled session stays on the programme, marked as such. */
export const Cancelled: Story = {
  args: { feed: programmeFeed(), session: 'evening-cancelled' },
  parameters: { now: '2025-05-19T12:00:00+10:00' },
};

/** `session="current"` at 10:45: the opening is live, so it is shown; it moves on by itself. */
export const CurrentMode: Story = {
  args: { feed: programmeFeed(), session: 'current' },
  parameters: { now: '2025-05-19T10:45:00+10:00' },
};

/** `session="current"` between sessions (12:00): the next one that is not cancelled. */
export const CurrentBetweenSessions: Story = {
  args: { feed: programmeFeed(), session: 'current' },
  parameters: { now: '2025-05-19T12:00:00+10:00' },
};

/** `compact`: three short lines per session (title; time; status and stream link), e.g. a programme in a sidebar. */
export const Compact: Story = {
  args: { feed: programmeFeed(), compact: true },
  parameters: { now: '2025-05-19T10:45:00+10:00' },
  render: (args) =>
    html`<div class="story-stack">
      ${['opening', 'industrial-parks', 'evening-cancelled'].map((session) => card({ ...args, session }))}
    </div>`,
};

/** A very long title and eight speakers with photos plus a moderator, in a full-width card. */
export const LongTitleManySpeakers: Story = {
  args: { feed: crowdedFeed() },
  parameters: { now: '2025-05-19T14:30:00+10:00' },
};

/** The same crowded session in a narrow column. */
export const LongTitleNarrow: Story = {
  args: { feed: crowdedFeed() },
  parameters: { now: '2025-05-19T09:00:00+10:00' },
  render: (args) => html`<div class="story-narrow">${card(args)}</div>`,
};

/** With speakers' photos. */
export const WithPhotos: Story = { args: { feed: withPhotos(sampleFeed()) } };

/** Loaded through `src` from the sample feed file, as on a partner page. */
export const LoadedFromSrc: Story = { args: { feed: undefined, src: SAMPLE_FEED_URL } };

/** The feed request has not answered yet: a skeleton that reserves the card's space. */
export const Loading: Story = {
  tags: ['expect-loading'],
  args: { feed: undefined, src: PENDING_FEED_URL },
};

/** The page's own fallback children stay visible while the feed loads. */
export const FallbackWhileLoading: Story = {
  tags: ['expect-loading'],
  args: { feed: undefined, src: PENDING_FEED_URL, fallback: FALLBACK },
};

/** The feed is unusable (another version): the fallback children stay. */
export const FallbackOnError: Story = { tags: ['expect-error'], args: { feed: invalidFeed(), fallback: FALLBACK } };

/** The feed is unusable and there is no fallback: a short localized notice. */
export const FeedError: Story = { tags: ['expect-error'], args: { feed: invalidFeed() } };

/** The feed is fine but has no such session: the card says so. */
export const UnknownId: Story = { tags: ['expect-missing'], args: { session: 'no-such-session' } };

/** Waits for the element's first "more" button and presses it (the expanded states). */
const pressMore = (tag: string, selector = '.more') => async ({ canvasElement }: { canvasElement: HTMLElement }) => {
  const el = canvasElement.querySelector(tag) as HTMLElement & { updateComplete: Promise<unknown> };
  for (let i = 0; i < 100 && !el.shadowRoot?.querySelector(selector); i++) await new Promise((r) => setTimeout(r, 20));
  (el.shadowRoot!.querySelector(selector) as HTMLButtonElement).click();
  await el.updateComplete;
};

/** A long summary in a phone-wide column: three lines, then "Show more" (the height stays predictable). */
export const SummaryClamped: Story = {
  args: { feed: crowdedFeed() },
  render: (args) => html`<div style="max-inline-size: 390px">${card(args)}</div>`,
};

/** The same summary opened by "Show more" (the button says "Show less" and aria-expanded="true"). */
export const SummaryExpanded: Story = {
  ...SummaryClamped,
  play: pressMore('forum-session-card', '.block .more'),
};

/** Eight speakers: two rows and "and 6 more", opened here to show the whole list. */
export const SpeakersExpanded: Story = {
  args: { feed: crowdedFeed() },
  play: pressMore('forum-session-card', '.people .more'),
};

/**
 * The contrast theme (black on white, larger text, images off: photos give way to monograms and
 * are never even fetched), for low-vision versions; here switched by the page,
 * `<html data-forum-theme="contrast">`, as a site's switch would.
 */
export const ContrastTheme: Story = { beforeEach: pageTheme('contrast') };

/** The contrast-dark theme: white on black. */
export const ContrastDarkTheme: Story = { beforeEach: pageTheme('contrast-dark') };

/** A session the reader has ahead: the primary action and "Add to calendar" (an .ics in the forum's zone). */
export const WithAddToCalendar: Story = { parameters: { now: '2025-05-19T09:00:00+10:00' } };
