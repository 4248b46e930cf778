// Every href/src a widget takes from the feed goes through here: the feed is another origin's
// data, so a URL that safeUrl() rejects is rendered as absent, and the webmaster hears about it
// once per page (the validator already rejects such feeds; this covers `feed` objects that skip
// it in future and keeps the rule in one place).
import { safeUrl, type UrlKind } from '../feed/url.js';
import { warnOnce } from './warn.js';

/** The URL to render, or undefined (with one console warning per URL) when it is unsafe. */
export function safe(value: string | undefined, kind: UrlKind = 'link'): string | undefined {
  const url = safeUrl(value, kind);
  // Bounded: the value may be a megabyte of data: URL.
  if (value && !url) warnOnce(`forum-widgets: unsafe ${kind} URL ignored: ${JSON.stringify(value.slice(0, 80))}`, value);
  return url;
}
