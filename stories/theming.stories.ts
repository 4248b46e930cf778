// The theming tokens, computed from the real stylesheets and custom-elements.json (see
// support/tokens.ts), and a partner's own brand applied through them. Shown on the
// "Theming tokens" docs page; the table story also fails the story check when the
// stylesheets and the manifest disagree.
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { getCustomElements } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { FORUM_TAGS, READER_ZONE, programmeFeed, sampleFeed } from './support/story-kit.js';
import { tokenReport } from './support/tokens.js';

const meta: Meta = {
  title: 'Docs/Theming tokens',
  // The MDX page is this file's docs.
  tags: ['!autodocs'],
};
export default meta;

const isColour = (v: string) => /^#|^rgb|^hsl/.test(v);
const value = (v: string) =>
  html`${isColour(v) ? html`<span class="token-swatch" style=${styleMap({ background: v })}></span>` : nothing}<code>${v}</code>`;

/** Every public custom property with its default in the light and the dark theme. */
export const Tokens: StoryObj = {
  tags: ['no-widgets'],
  render: () => {
    const r = tokenReport(getCustomElements(), FORUM_TAGS);
    if (r.problems.length) console.error(`Theming tokens: stylesheets and custom-elements.json disagree:\n${r.problems.join('\n')}`);
    return html`
      ${r.problems.length
        ? html`<div class="token-problems" role="alert">
            <p><strong>Stylesheets and custom-elements.json disagree:</strong></p>
            <ul>${r.problems.map((p) => html`<li>${p}</li>`)}</ul>
          </div>`
        : nothing}
      <table class="token-table">
        <caption>
          Shared tokens (every element)
        </caption>
        <thead>
          <tr>
            <th scope="col">Custom property</th>
            <th scope="col">Light (default)</th>
            <th scope="col">Dark (<code>theme="dark"</code>, and <code>auto</code> in a dark OS)</th>
            <th scope="col">What it styles</th>
          </tr>
        </thead>
        <tbody>
          ${r.shared.map(
            (t) => html`<tr>
              <th scope="row"><code>${t.name}</code></th>
              <td>${value(t.light)}</td>
              <td>${t.dark === t.light ? html`same` : value(t.dark)}</td>
              <td>${t.description}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      <table class="token-table">
        <caption>
          Element tokens (same in both themes)
        </caption>
        <thead>
          <tr>
            <th scope="col">Custom property</th>
            <th scope="col">Element</th>
            <th scope="col">Default</th>
            <th scope="col">What it styles</th>
          </tr>
        </thead>
        <tbody>
          ${r.own.map(
            (t) => html`<tr>
              <th scope="row"><code>${t.name}</code></th>
              <td><code>&lt;${t.tag}&gt;</code></td>
              <td>${value(t.fallback)}</td>
              <td>${t.description}</td>
            </tr>`,
          )}
        </tbody>
      </table>
    `;
  },
};

/**
 * A partner's brand through the tokens only: set on any ancestor (here a wrapper with class
 * `partner-brand`, see .storybook/preview.css), in both themes.
 */
export const PartnerBrand: StoryObj = {
  parameters: { now: '2025-05-19T14:30:00+10:00' },
  render: () => html`<div class="partner-brand story-stack">
    <forum-session-card .feed=${programmeFeed()} session="industrial-parks" reader-time-zone=${READER_ZONE}></forum-session-card>
    <partner-counter .feed=${sampleFeed()} counters="thematic-platforms applications"></partner-counter>
  </div>`,
};
