// <partner-counter>: the sample's headline figures, a selection, units, reduced motion, and the
// loading / fallback / error / unknown-id states.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { PENDING_FEED_URL, SAMPLE_FEED_URL, invalidFeed, sampleFeed, pageTheme } from './support/story-kit.js';

interface Args {
  feed?: unknown;
  src?: string;
  counters?: string;
  fallback?: string;
}

const FALLBACK = 'More than 3,000 applications to take part in the Russian-Chinese Forum.';

const meta: Meta<Args> = {
  title: 'Widgets/Partner counter',
  component: 'partner-counter',
  args: { feed: sampleFeed(), counters: 'thematic-platforms applications' },
  argTypes: {
    counters: { control: 'text' },
    fallback: { control: 'text', description: 'Fallback children (shown until the feed can be used)' },
  },
  render: ({ feed, src, counters, fallback }) =>
    html`<partner-counter .feed=${feed} src=${src ?? nothing} counters=${counters ?? nothing}
      >${fallback ? html`<p>${fallback}</p>` : nothing}</partner-counter
    >`,
};
export default meta;
type Story = StoryObj<Args>;

/** The forum's own two figures; they count up once when scrolled into view. */
export const Loaded: Story = {};

/** Every figure of the sample feed, in feed order. */
export const AllFigures: Story = { args: { counters: undefined } };

/** Qualifiers and units: "about", "exact", a unit after the number, a decimal value. */
export const QualifiersAndUnits: Story = {
  args: {
    counters: 'area applications visitors',
    feed: (() => {
      const f = sampleFeed();
      f.counters.push(
        { id: 'area', value: 350.5, qualifier: 'about', unit: { ru: 'км²', en: 'km²', 'zh-Hans': '平方公里' }, label: { ru: 'площадь острова Большой Уссурийский', en: 'area of Bolshoi Ussuriysky Island', 'zh-Hans': '大乌苏里岛面积' } },
        { id: 'visitors', value: 12000, qualifier: 'exact', label: { ru: 'посетителей (иллюстративное число)', en: 'visitors (an illustrative figure)', 'zh-Hans': '名访客（示例数字）' } },
      );
      return f;
    })(),
  },
};

/**
 * With `prefers-reduced-motion: reduce` the figures appear at their final values, without counting.
 * Storybook cannot switch the media feature itself: turn it on in the OS or in the browser's
 * DevTools (Rendering → Emulate CSS media feature). The story check runs this story with it on.
 */
export const ReducedMotion: Story = { tags: ['reduced-motion'] };

/** Loaded through `src` from the sample feed file, as on a partner page. */
export const LoadedFromSrc: Story = { args: { feed: undefined, src: SAMPLE_FEED_URL } };

/** The feed request has not answered yet. */
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

/** None of the asked ids is in the feed: the widget says so. */
export const UnknownId: Story = { tags: ['expect-missing'], args: { counters: 'no-such-figure' } };

/**
 * Below the fold, before it is scrolled into view: the final figures are already there (a
 * screenshot, a print or a crawler never sees 0); the count-up waits for the reader.
 */
export const BeforeScrolledIntoView: Story = {
  render: ({ feed, counters }) => html`<div tabindex="0" role="region" aria-label="Article" style="block-size: 12rem; overflow: auto; outline: 1px dashed #8a939e">
    <p style="block-size: 20rem; margin: 0">Scroll down to the figures.</p>
    <partner-counter .feed=${feed} counters=${counters ?? nothing}></partner-counter>
  </div>`,
};

/** After the count-up: the same figures, reached once when they came into view. */
export const AfterCountUp: Story = {
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('partner-counter')!;
    el.scrollIntoView();
    // Done when no counting copy is left (at once under reduced motion).
    for (let i = 0; i < 200 && !el.shadowRoot?.querySelector('ul:not(:has([aria-hidden]))'); i++) await new Promise((r) => setTimeout(r, 20));
  },
};

/** The contrast theme (black on white, larger text, images off), switched by the page's `<html data-forum-theme>`. */
export const ContrastTheme: Story = { beforeEach: pageTheme('contrast') };
