// The one rule for URLs that come from the feed (another origin, so untrusted). The validator
// reports anything else as an error; the widgets treat it as absent. Both call safeUrl().

/** `link`: pages and streams. `image`: photos and logos, which may also be inline raster data. */
export type UrlKind = 'link' | 'image';

/** Longer than any real link, and room for a modest inline photo. */
export const MAX_URL_LENGTH = 1_000_000;

// Raster images only: an SVG can carry script and links of its own.
const DATA_IMAGE = /^data:image\/(png|jpeg|jpg|gif|webp|avif|bmp)[;,]/i;
// The text itself must start with the scheme (after white space, as feed.schema.json says), so
// no control character or parser leniency decides what the scheme is.
const WEB = /^https?:/i;

/** The URL to put in `href`/`src`, or undefined when it is not one the feed may use. */
export function safeUrl(value: unknown, kind: UrlKind = 'link'): string | undefined {
  if (typeof value !== 'string' || value.length > MAX_URL_LENGTH) return undefined;
  const v = value.trim();
  if (kind === 'image' && DATA_IMAGE.test(v)) return v;
  if (!WEB.test(v)) return undefined;
  let u: URL;
  try {
    // No base: a relative URL throws, so it can never resolve against the partner's page.
    u = new URL(v);
  } catch {
    return undefined;
  }
  // And the parsed scheme agrees, and there is a host: `https:` alone or `http://` is no link.
  return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname ? u.href : undefined;
}
