// Applied to every story: the UI locale, the widgets' theme and the text direction come from
// the toolbar; the clock is pinned so that time-dependent stories look the same on every day;
// controls and docs come from the Custom Elements Manifest.
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { useEffect } from 'storybook/preview-api';
import { html } from 'lit';
import customElements from '../custom-elements.json';
import { defineElements } from '../src/elements.js';
import { setUiLocale } from '../src/i18n/locale.js';
import { manualClock, setClock } from '../src/base/clock.js';
import { FORUM_TAGS, STORY_NOW } from '../stories/support/story-kit.js';
import './preview.css';

/**
 * Storybook keys each element's argTypes by name across all categories, so a CSS part named like
 * an attribute (`quote` on <speaker-quote>) would replace the attribute's row and control, and the
 * unnamed default slot would be dropped. Parts are shown as `::part(name)` and the default slot
 * as `(default slot)`; the manifest the package ships is unchanged.
 */
function forDocs(manifest: typeof customElements): typeof customElements {
  const m = structuredClone(manifest) as { modules?: { declarations?: Record<string, any>[] }[] };
  for (const mod of m.modules ?? []) {
    for (const d of mod.declarations ?? []) {
      d.cssParts = d.cssParts?.map((p: { name: string }) => ({ ...p, name: `::part(${p.name})` }));
      d.slots = d.slots?.map((s: { name: string }) => ({ ...s, name: s.name || '(default slot)' }));
    }
  }
  return m as typeof customElements;
}
setCustomElementsManifest(forDocs(customElements));
defineElements();

/** Wraps the story in a frame with the chosen direction and sets `theme` on every widget in it. */
const frame: Decorator = (story, context) => {
  const { theme, dir } = context.globals as { theme: string; dir: string };
  const id = context.id;
  useEffect(() => {
    const selector = FORUM_TAGS.join(',');
    for (const f of document.querySelectorAll<HTMLElement>(`.forum-frame[data-story="${id}"]`)) {
      for (const el of f.querySelectorAll(selector)) el.setAttribute('theme', theme);
    }
  });
  return html`<div class="forum-frame" data-story=${id} data-theme=${theme} dir=${dir}>${story()}</div>`;
};

const preview: Preview = {
  globalTypes: {
    locale: {
      description: 'UI locale of the widgets',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'ru', title: 'Русский' },
          { value: 'zh-Hans', title: '简体中文' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Theme of every widget (the frame behind them follows it)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (prefers-color-scheme)' },
          { value: 'contrast', title: 'Contrast (low vision, black on white)' },
          { value: 'contrast-dark', title: 'Contrast dark (white on black)' },
        ],
        dynamicTitle: true,
      },
    },
    dir: {
      description: 'Text direction of the page around the widgets',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light', dir: 'ltr' },
  decorators: [frame],
  // The toolbar's theme switch sets `theme` on every widget, so it is not a per-story control.
  argTypes: { theme: { table: { disable: true } } },
  argTypesEnhancers: [
    // Parts, custom properties, slots and events are documentation, not inputs; `state` is the
    // element's own output.
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([key, a]) => {
          const category = String(a.table?.category ?? '');
          const docOnly = ['css shadow parts', 'css custom properties', 'slots', 'events'].includes(category) || key === 'state';
          return [key, docOnly ? { ...a, control: false } : a];
        }),
      ),
  ],
  loaders: [
    // The page's language, as on a partner site: <html lang> and the widgets' UI locale agree.
    async ({ globals }) => {
      const locale = (globals.locale as string) || 'en';
      document.documentElement.lang = locale;
      await setUiLocale(locale);
      return {};
    },
  ],
  // Every story runs at a pinned instant (parameters.now, else STORY_NOW); restored afterwards.
  beforeEach: ({ parameters }) => {
    setClock(manualClock(Date.parse((parameters.now as string | undefined) ?? STORY_NOW)));
    return () => setClock(null);
  },
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    // Any violation fails the story (the a11y panel, and scripts/check-stories.mjs in CI).
    a11y: { test: 'error' },
    docs: { toc: true },
  },
  tags: ['autodocs'],
};

export default preview;
