// Where a widget's feed comes from, as a Lit reactive controller: the `feed` property (a feed
// object: validated once per object, no request), else `src`, else the embedding script's
// data-feed (pageConfig). It owns the shared loader subscription across connect, disconnect and
// source changes, so the element holds no subscription fields of its own.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { feedLoader, type FeedState } from '../feed/loader.js';
import { validateFeed, warningsOf, type ValidationResult } from '../feed/validate.js';
import type { Feed } from '../feed/types.js';
import { pageConfig } from './config.js';

/** What the host's feed source is right now (read at connect and at every update). */
export interface FeedSource {
  /** A feed object; wins over `src`. */
  feed: unknown;
  src: string | undefined;
  refresh: number | undefined;
}

/** The outcome for the host: a good feed (possibly the last good one beside a failure), errors, warnings. */
export interface FeedOutcome {
  feed: Feed | undefined;
  /** Why the feed cannot be used (validator or HTTP lines); `url` absent for a `feed` object. */
  problem: { url?: string; errors: string[] } | undefined;
  /** Items the validator dropped from an otherwise good feed (`path: message` lines). */
  warnings: string[];
}

// Validation of `feed` objects handed in by frameworks, once per object.
const checked = new WeakMap<object, ValidationResult>();
const check = (f: unknown): ValidationResult => {
  // Lenient: the widgets' reading of the contract (items with faults dropped, with warnings).
  if (typeof f !== 'object' || f === null) return validateFeed(f, { lenient: true });
  let r = checked.get(f);
  if (!r) checked.set(f, (r = validateFeed(f, { lenient: true })));
  return r;
};

// Addressed to the webmaster like the validator's lines, so not translated.
const NO_FEED = 'feed: no feed URL (set src on the element, or data-feed on the script tag)';

/** Resolves a feed URL against the page; an unparsable one is passed through for the loader to report. */
export function resolveFeedUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    return new URL(raw, document.baseURI).href;
  } catch {
    return raw;
  }
}

export class FeedController implements ReactiveController {
  private loaded?: FeedState;
  private key?: string;
  private off?: () => void;
  private answered?: () => void;

  constructor(
    private readonly host: ReactiveControllerHost & FeedSource & { readonly isConnected: boolean },
  ) {
    host.addController(this);
  }

  /** The URL in use: `src`, else the script tag's data-feed, resolved against the page. */
  get url(): string | undefined {
    return resolveFeedUrl(this.host.src || pageConfig.feed);
  }

  hostConnected(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.off?.();
    this.off = this.key = undefined;
  }

  /**
   * (Re)subscribes when the source changed; the host calls it from willUpdate, so a new `src`
   * takes effect in the same update. The loader answers synchronously with what it holds.
   */
  sync(): void {
    const h = this.host;
    if (!h.isConnected) return;
    const url = h.feed != null ? undefined : this.url;
    const key = url && `${url}|${h.refresh ?? ''}`;
    if (key === this.key) return;
    this.off?.();
    this.off = undefined;
    this.key = key;
    this.loaded = undefined;
    if (url)
      this.off = feedLoader.subscribe(
        url,
        (s) => {
          this.loaded = s;
          if (s.status !== 'loading') {
            const answered = this.answered;
            this.answered = undefined;
            answered?.();
          }
          h.requestUpdate();
        },
        { refresh: h.refresh },
      );
  }

  /** True while the feed is being requested for the first time (no good feed, no failure yet). */
  get waiting(): boolean {
    return !!this.key && this.host.feed == null && (!this.loaded || this.loaded.status === 'loading');
  }

  /** Resolves when the loader first answers, or after `ms`, whichever comes first. */
  answer(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      const prev = this.answered;
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.answered = () => {
        prev?.();
        done();
      };
    });
  }

  /** The good feed, the problem and the warnings, derived from the current source. */
  outcome(): FeedOutcome {
    const f = this.host.feed;
    if (f != null) {
      const r = check(f);
      return r.ok ? { feed: r.feed, problem: undefined, warnings: r.warnings } : { feed: undefined, problem: { errors: r.errors }, warnings: [] };
    }
    const s = this.loaded;
    if (!this.key) return { feed: undefined, problem: { errors: [NO_FEED] }, warnings: [] };
    return {
      feed: s?.feed,
      problem: s?.errors?.length ? { url: s.url, errors: s.errors } : undefined,
      // The validator keeps each feed's warnings with it (the loader hands the feed on as is).
      warnings: [...warningsOf(s?.feed)],
    };
  }
}
