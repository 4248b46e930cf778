import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { HeadedFeedElement, type LocalText, type Rendered } from '../base/feed-element.js';
import { tokens } from '../base/tokens.styles.js';
import { safe } from '../base/safe.js';
import { ROLES } from '../feed/schema.js';
import type { Feed, Organization, Role } from '../feed/types.js';
import { styles } from './organizer-strip.styles.js';
import { uiLocale } from '../i18n/locale.js';
import { strings } from '../i18n/generated/strings/organizer-strip.js';

// Headings without a number in them, so plain singular/plural by count (Russian "Организаторы"
// for 2 or 21 alike); languages without plural nouns translate both forms the same. Functions,
// since msg() reads the locale at call time.
const ROLE_HEADINGS: Record<Role, (one: boolean) => string> = {
  organizer: (one) => (one ? msg('Organizer') : msg('Organizers')),
  support: () => msg('Supported by'),
  operator: (one) => (one ? msg('Operator') : msg('Operators')),
  partner: (one) => (one ? msg('Partner') : msg('Partners')),
  'media-partner': (one) => (one ? msg('Media partner') : msg('Media partners')),
};

// Logo URLs that failed to load on this page: their organisations' names are shown instead.
const failed = new Set<string>();

/** Organisations shown at most (in role order, then feed order); the rest is left out with a warning. */
export const MAX_ORGANIZATIONS = 100;

/**
 * The forum's organisations grouped by role, as logos linked to their sites.
 *
 * Groups follow the feed spec's order (organizer, support, operator, partner, media-partner)
 * whatever the order in `roles`: the attribute selects, the spec orders. Within a role,
 * organisations keep the feed's order; those with the same `roleLabel` form their own group
 * under that label (e.g. "General partner" and "Official partner" among partners), the rest
 * share the role's localized heading, singular or plural by count. A logo that is missing or
 * fails to load shows the organisation's name as text instead.
 *
 * @summary Organisers, supporters, operator and partners of the forum, grouped by role.
 * @tag organizer-strip
 *
 * @attr roles - Space-separated roles to show (`organizer support operator partner media-partner`);
 *   all roles in the feed when absent or empty. Unknown words are ignored.
 * @attr heading-level - Level of the group headings, 2 to 6 (default 3).
 *
 * @csspart base - The wrapper of all groups.
 * @csspart group - One role's group (a section).
 * @csspart heading - A group's heading.
 * @csspart list - A group's list of organisations.
 * @csspart item - One organisation.
 * @csspart link - The link to an organisation's site (opens in a new tab).
 * @csspart logo - An organisation's logo image.
 * @csspart name - An organisation's name, shown when it has no logo or the logo failed to load.
 *
 * @cssprop [--forum-logo-height=3em] - Height of every logo (widths follow the logos' proportions).
 * @cssprop [--forum-logo-max-width=12em] - Widest a logo may be; wider ones are scaled down to fit.
 *
 */
export class OrganizerStrip extends HeadedFeedElement {
  static override styles = [tokens, styles];
  /** @internal Its translated UI strings (added on first construction, see FeedElement). */
  static override uiStrings = strings;

  static override properties = {
    ...HeadedFeedElement.properties,
    roles: { type: String },
  };

  /** Space-separated roles to show; all roles present in the feed when absent. */
  declare roles: string | undefined;

  protected renderFeed(feed: Feed): Rendered {
    const want = this.roles?.match(/\S+/g);
    const groups: TemplateResult[] = [];
    // A strip of 10,000 logos is a feed fault, not a page to freeze: the first MAX_ORGANIZATIONS
    // (in role order, then feed order) are shown, and the rest is counted in a warning.
    let room = MAX_ORGANIZATIONS;
    let left = 0;
    // Each role's organisations in feed order, in one pass: a feed may list 100,000 of them, and
    // a pass per role over them all was a long task of its own.
    const byRole = new Map<string, Organization[]>();
    for (const o of feed.organizers) byRole.get(o.role)?.push(o) ?? byRole.set(o.role, [o]);
    for (const role of ROLES) {
      if (want && !want.includes(role)) continue;
      // label text -> [label, ...organisations]
      const byLabel = new Map<string, [LocalText | undefined, ...Organization[]]>();
      const all = byRole.get(role) ?? [];
      left += Math.max(0, all.length - room);
      for (const o of all.slice(0, room)) {
        room--;
        const label = this.t(o.roleLabel);
        const key = label?.text ?? '';
        let g = byLabel.get(key);
        if (!g) byLabel.set(key, (g = [label]));
        g.push(o);
      }
      // role="list": Safari drops list semantics from lists styled without bullets.
      for (const [label, ...orgs] of byLabel.values()) {
        groups.push(
          html`<section part="group">${this.heading(label?.text || ROLE_HEADINGS[role](orgs.length == 1), label?.lang)}<ul part="list" role="list">${orgs.map((o) => this.item(o))}</ul></section>`,
        );
      }
    }
    if (left) this.warn(`organizers: ${MAX_ORGANIZATIONS + left} organizations to show; <organizer-strip> shows the first ${MAX_ORGANIZATIONS}`);
    return groups.length ? html`<div part="base" lang=${uiLocale()}>${groups}</div>` : { missing: msg('No organizations to show.') };
  }

  private item(o: Organization): TemplateResult {
    const name = this.t(o.name)!;
    const logo = safe(o.logo, 'image');
    const url = safe(o.url);
    const shown = logo && !failed.has(logo);
    // The name is always text (the accessible name, and what the contrast themes show when images
    // are off); beside a logo it is visually hidden and the image is decoration.
    const body = html`${shown ? html`<img part="logo" src=${logo} alt="" @error=${this.onLogoError}>` : nothing}<span part="name" class="name" lang=${name.lang ?? nothing}>${name.text}</span>`;
    return html`<li part="item" class=${shown ? 'tile lg' : 'tile'}>${url
      ? html`<a part="link" href=${url} target="_blank" rel="noopener noreferrer">${body}<svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12"><path d="M6 2v2h4.6L2.3 12.3l1.4 1.4L12 5.4V10h2V2z"/></svg><span class="visually-hidden"> ${msg('(opens in a new tab)')}</span></a>`
      : body}</li>`;
  }

  private onLogoError(e: Event): void {
    failed.add((e.target as HTMLImageElement).getAttribute('src')!);
    this.requestUpdate();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'organizer-strip': OrganizerStrip;
  }
}
