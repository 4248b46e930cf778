// <speaker-quote>: every state a reader can meet, from the sample feed.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { PENDING_FEED_URL, SAMPLE_FEED_URL, invalidFeed, sampleFeed, withPhotos, pageTheme } from './support/story-kit.js';

interface Args {
  feed?: unknown;
  src?: string;
  quote?: string;
  person?: string;
  fallback?: string;
}

const meta: Meta<Args> = {
  title: 'Widgets/Speaker quote',
  component: 'speaker-quote',
  args: { feed: sampleFeed(), quote: 'zalivatsky-technopark' },
  argTypes: {
    fallback: { control: 'text', description: 'Fallback children (shown until the feed can be used)' },
  },
  render: ({ feed, src, quote, person, fallback }) =>
    html`<speaker-quote .feed=${feed} src=${src ?? nothing} quote=${quote ?? nothing} person=${person ?? nothing}
      >${fallback ? html`<p>${fallback}</p>` : nothing}</speaker-quote
    >`,
};
export default meta;
type Story = StoryObj<Args>;

/** A quote from the sample feed, in the toolbar's locale. */
export const Loaded: Story = {};

/** With the speaker's photo (a data: URL; the sample feed has no photos). */
export const WithPhoto: Story = { args: { feed: withPhotos(sampleFeed()) } };

/** `person=` instead of `quote=`: that person's latest quote. */
export const LatestByPerson: Story = { args: { quote: undefined, person: 'shang-shiwei' } };

/**
 * The quote exists only in Russian, its original language: in English and Chinese it is shown
 * as said, with `lang="ru"` on it so screen readers pronounce it right.
 */
export const OriginalLanguage: Story = {
  args: {
    feed: (() => {
      const f = sampleFeed();
      const q = f.quotes.find((x) => x.id === 'zalivatsky-technopark')!;
      q.text = { ru: (q.text as Record<string, string>).ru! };
      return f;
    })(),
  },
};

/** Loaded through `src` from the sample feed file, as on a partner page. */
export const LoadedFromSrc: Story = { args: { feed: undefined, src: SAMPLE_FEED_URL } };

/** The feed request has not answered yet: a skeleton that reserves the quote's space. */
export const Loading: Story = {
  tags: ['expect-loading'],
  args: { feed: undefined, src: PENDING_FEED_URL },
};

/** The page's own fallback children stay visible while the feed loads. */
export const FallbackWhileLoading: Story = {
  tags: ['expect-loading'],
  args: { feed: undefined, src: PENDING_FEED_URL, fallback: 'Quotes from the Russian-Chinese Forum: see roscongress.org.' },
};

/** The feed is unusable (another version): the fallback children stay, an event and one warning report it. */
export const FallbackOnError: Story = {
  tags: ['expect-error'],
  args: { feed: invalidFeed(), fallback: 'Quotes from the Russian-Chinese Forum: see roscongress.org.' },
};

/** The feed is unusable and there is no fallback: a short localized notice. */
export const FeedError: Story = { tags: ['expect-error'], args: { feed: invalidFeed() } };

/** The feed is fine but has no such quote: the widget says so. */
export const UnknownId: Story = { tags: ['expect-missing'], args: { quote: 'no-such-quote' } };

/** The press release's longest quote in a phone-wide column: an excerpt of six lines, then "Read more". */
export const LongQuoteExcerpt: Story = {
  render: ({ feed, quote }) => html`<div style="max-inline-size: 390px"><speaker-quote .feed=${feed} quote=${quote ?? nothing}></speaker-quote></div>`,
};

/** The same quote opened by "Read more". */
export const LongQuoteExpanded: Story = {
  ...LongQuoteExcerpt,
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('speaker-quote') as HTMLElement & { updateComplete: Promise<unknown> };
    for (let i = 0; i < 100 && !el.shadowRoot?.querySelector('.more'); i++) await new Promise((r) => setTimeout(r, 20));
    (el.shadowRoot!.querySelector('.more') as HTMLButtonElement).click();
    await el.updateComplete;
  },
};

/** The contrast theme (black on white, larger text, images off), switched by the page's `<html data-forum-theme>`. */
export const ContrastTheme: Story = { beforeEach: pageTheme('contrast') };
