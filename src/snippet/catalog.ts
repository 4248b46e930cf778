// The widgets a snippet may name and the attributes each takes, with what each value may be.
// One list for the three readers of untrusted choices: the configurator (its page query), the
// markup-form upgrader (a CMS block's data-* attributes) and the iframe embed page (its query).
// Anything not listed here is refused with a message naming it, never passed through.

/** What an attribute's value may be. */
export type AttrKind = 'id' | 'session' | 'ids' | 'boolean' | 'seconds' | 'level' | 'theme' | 'url' | 'mode' | 'date' | 'names' | 'count';

export interface WidgetInfo {
  /** The custom element's tag, also what the configurator's `widget=` takes. */
  tag: string;
  /** The markup form's `data-widget` value. */
  name: string;
  /** Attribute name -> kind, in the order a person would write them. */
  attrs: Readonly<Record<string, AttrKind>>;
}

const common = { theme: 'theme', refresh: 'seconds', src: 'url' } as const;

export const WIDGETS: readonly WidgetInfo[] = [
  { tag: 'forum-session-card', name: 'session-card', attrs: { session: 'session', compact: 'boolean', 'heading-level': 'level', ...common } },
  { tag: 'speaker-quote', name: 'speaker-quote', attrs: { quote: 'id', person: 'id', ...common } },
  { tag: 'organizer-strip', name: 'organizer-strip', attrs: { roles: 'ids', 'heading-level': 'level', ...common } },
  { tag: 'partner-counter', name: 'partner-counter', attrs: { counters: 'ids', ...common } },
  {
    tag: 'forum-programme',
    name: 'programme',
    attrs: { mode: 'mode', day: 'date', venue: 'names', track: 'names', limit: 'count', kiosk: 'boolean', 'heading-level': 'level', ...common },
  },
];

/** The widget named by its tag (`forum-session-card`) or its short name (`session-card`). */
export const widgetNamed = (name: string | null | undefined): WidgetInfo | undefined =>
  name ? WIDGETS.find((w) => w.tag === name || w.name === name) : undefined;

// The feed's id rule (FEED-SPEC: ids), so nothing else can ride in an attribute value.
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/**
 * The attribute value to set for `raw` ('' for a boolean that is on), `null` for "leave the
 * attribute out" (a boolean that is off), or an Error saying what is wrong with it.
 */
export function checkValue(kind: AttrKind, raw: string): string | null | Error {
  const v = raw.trim();
  switch (kind) {
    case 'boolean':
      if (v === '' || v === '1' || v === 'true') return '';
      if (v === '0' || v === 'false') return null;
      return new Error(`"${clip(raw)}" is not 1 or 0`);
    case 'id':
      return ID.test(v) ? v : new Error(`"${clip(raw)}" is not an id (a-z, 0-9, hyphens)`);
    case 'session':
      return v === 'current' || ID.test(v) ? v : new Error(`"${clip(raw)}" is not a session id or "current"`);
    case 'ids': {
      const ids = v.split(/\s+/).filter(Boolean);
      if (!ids.length || ids.length > 100) return new Error(`"${clip(raw)}" is not a list of ids`);
      const bad = ids.find((x) => !ID.test(x));
      return bad ? new Error(`"${clip(bad)}" is not an id (a-z, 0-9, hyphens)`) : ids.join(' ');
    }
    case 'seconds':
      return /^\d{1,6}$/.test(v) && Number(v) >= 5 && Number(v) <= 86_400 ? String(Number(v)) : new Error(`"${clip(raw)}" is not a number of seconds from 5 to 86400`);
    case 'level':
      return /^[2-6]$/.test(v) ? v : new Error(`"${clip(raw)}" is not a heading level from 2 to 6`);
    case 'mode':
      return v === 'now' || v === 'day' || v === 'all' ? v : new Error(`"${clip(raw)}" is not now, day or all`);
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : new Error(`"${clip(raw)}" is not a date (YYYY-MM-DD)`);
    case 'count':
      return /^\d{1,4}$/.test(v) && Number(v) >= 1 ? String(Number(v)) : new Error(`"${clip(raw)}" is not a number from 1 to 9999`);
    case 'names': {
      // Venue or track names separated by |: letters, digits, spaces and plain punctuation only,
      // so nothing in them can end an attribute or open a host template's {{ }}.
      const names = v.split('|').map((x) => x.trim().replace(/\s+/g, ' ')).filter(Boolean);
      if (!names.length || names.length > 50 || v.length > 500) return new Error(`"${clip(raw)}" is not a list of names separated by |`);
      const bad = names.find((x) => !/^[\p{L}\p{N}\p{M} .,:()№#'’&+\/-]+$/u.test(x));
      return bad ? new Error(`"${clip(bad)}" has characters a venue or track name may not have`) : names.join('|');
    }
    case 'theme':
      return v === 'light' || v === 'dark' || v === 'auto' ? v : new Error(`"${clip(raw)}" is not light, dark or auto`);
    case 'url': {
      let u: URL | undefined;
      try {
        u = new URL(v);
      } catch {}
      return u && (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname ? u.href : new Error(`"${clip(raw)}" is not an absolute http(s) URL`);
    }
  }
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s).replace(/[\u0000-\u001f"]/g, '?');

export interface CheckedAttributes {
  /** [name, value] in the catalogue's order; '' is a boolean that is on. */
  attrs: [string, string][];
  /** One line per refused value: `name: why`. */
  problems: string[];
}

/** Reads a widget's attributes through `get` (a query, a block's data-*), checking each value. */
export function readAttributes(widget: WidgetInfo, get: (name: string) => string | null | undefined): CheckedAttributes {
  const attrs: [string, string][] = [];
  const problems: string[] = [];
  for (const [name, kind] of Object.entries(widget.attrs)) {
    const raw = get(name);
    if (raw === null || raw === undefined) continue;
    const v = checkValue(kind, raw);
    if (v instanceof Error) problems.push(`${name}: ${v.message}`);
    else if (v !== null) attrs.push([name, v]);
  }
  return { attrs, problems };
}
