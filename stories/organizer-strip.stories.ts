// <organizer-strip>: the sample's organisations by role, with logos, a logo that fails, a narrow
// column, and the loading / fallback / error / nothing-to-show states.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import type { Feed } from '../src/feed/types.js';
import { BROKEN_IMAGE, LOGO_A, LOGO_B, PENDING_FEED_URL, SAMPLE_FEED_URL, invalidFeed, sampleFeed, pageTheme } from './support/story-kit.js';

interface Args {
  feed?: unknown;
  src?: string;
  roles?: string;
  headingLevel?: number;
  fallback?: string;
}

const FALLBACK = 'Organised by the Government of Khabarovsk Territory; operator: Roscongress Foundation.';

const strip = ({ feed, src, roles, headingLevel, fallback }: Args) =>
  html`<organizer-strip .feed=${feed} src=${src ?? nothing} roles=${roles ?? nothing} heading-level=${headingLevel ?? nothing}
    >${fallback ? html`<p>${fallback}</p>` : nothing}</organizer-strip
  >`;

/** The sample with logos (data: URLs; the release had none), alternating two marks. */
function withLogos(f: Feed = sampleFeed()): Feed {
  f.organizers.forEach((o, i) => (o.logo = i % 2 ? LOGO_B : LOGO_A));
  return f;
}

const meta: Meta<Args> = {
  title: 'Widgets/Organizer strip',
  component: 'organizer-strip',
  args: { feed: sampleFeed(), headingLevel: 3 },
  argTypes: {
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    roles: { control: 'text' },
    fallback: { control: 'text', description: 'Fallback children (shown until the feed can be used)' },
  },
  render: strip,
};
export default meta;
type Story = StoryObj<Args>;

/** The sample feed: no logos, so every organisation shows its name. */
export const Loaded: Story = {};

/** No logos (the common case, and the sample's): aligned name tiles, linked or not, styled alike. */
export const NoLogos: Story = { args: { roles: 'organizer support operator' } };

/** theme="contrast": black on white, larger text, logos off (names instead). */
export const ContrastTheme: Story = { args: { feed: withLogos() }, beforeEach: pageTheme('contrast') };

/** Every organisation with a logo. */
export const WithLogos: Story = { args: { feed: withLogos() } };

/** One logo cannot be decoded: that organisation shows its name instead, the others keep their logos. */
export const LogoFailsToLoad: Story = {
  args: {
    feed: (() => {
      const f = withLogos();
      f.organizers.find((o) => o.id === 'mid')!.logo = BROKEN_IMAGE;
      return f;
    })(),
  },
};

/** In a narrow column (a portal's sidebar): groups and logos wrap. */
export const NarrowContainer: Story = {
  args: { feed: withLogos() },
  render: (args) => html`<div class="story-narrow">${strip(args)}</div>`,
};

/** Names only, in a narrow column: long names wrap. */
export const NarrowContainerNames: Story = { render: (args) => html`<div class="story-narrow">${strip(args)}</div>` };

/** `roles="organizer operator"`: only those groups, in the spec's order. */
export const SomeRoles: Story = { args: { roles: 'organizer operator' } };

/** Loaded through `src` from the sample feed file, as on a partner page. */
export const LoadedFromSrc: Story = { args: { feed: undefined, src: SAMPLE_FEED_URL } };

/** The feed request has not answered yet: a skeleton that reserves the strip's space. */
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

/** The feed is fine but has no organisations in the asked roles (the sample has no media partners). */
export const UnknownRole: Story = { tags: ['expect-missing'], args: { roles: 'media-partner' } };
