// Long feed texts are clamped to a few lines (CSS line-clamp), so a widget's height follows from
// its content and width; a "more" button opens them. This controller says which clamped blocks
// actually overflow, so a short text gets no useless button, and tracks which ones are open.
// A block is `.clamp` (while closed) with an `id`.
//
// No layout is read during an update: one ResizeObserver for the whole page watches every block,
// and its callback — which the browser runs once per frame, after layout and before paint — reads
// all blocks of all widgets in one pass. A block is observed anew when its text changes (a new
// observation is always reported once), so a new text in a box of the same size is measured too.
// A widget whose block turns out clipped updates once more, still before that frame is painted.
import type { ReactiveController, ReactiveElement } from 'lit';

// The controller of each observed block (blocks live in their widgets' shadow roots).
const owners = new WeakMap<Element, ClampController>();
let ro: ResizeObserver | undefined;
const observer = () =>
  (ro ??= new ResizeObserver((entries) => {
    // Every read first, then the updates they ask for (requestUpdate only queues a microtask).
    const changed = new Set<ClampController>();
    for (const { target } of entries) {
      const c = owners.get(target);
      if (c?.measure(target as HTMLElement)) changed.add(c);
    }
    for (const c of changed) c.host.requestUpdate();
  }));

export class ClampController implements ReactiveController {
  /**
   * Blocks whose text does not fit their lines, id → the text found clipped. A block stays
   * clipped while its text is the same: the button it gains may narrow a shrink-to-fit box and
   * so change the fit, which must not toggle the button back and forth.
   */
  readonly clipped = new Map<string, string>();
  /** Ids of blocks the reader opened. */
  readonly open = new Set<string>();
  // The block element and text last observed, per id.
  private readonly watched = new Map<string, [Element, string]>();

  constructor(readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Opens or closes block `id`. */
  toggle(id: string): void {
    if (!this.open.delete(id)) this.open.add(id);
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (typeof ResizeObserver === 'undefined') return;
    // Only blocks that are new or hold a new text are (re)observed; no layout is read here.
    for (const el of (this.host.renderRoot as ParentNode).querySelectorAll<HTMLElement>('.clamp[id]')) {
      const text = el.textContent ?? '';
      const w = this.watched.get(el.id);
      if (w && w[0] === el && w[1] === text) continue;
      const o = observer();
      if (w) o.unobserve(w[0]); // a replaced block is not watched any longer
      this.watched.set(el.id, [el, text]);
      owners.set(el, this);
      o.observe(el);
    }
  }

  hostConnected(): void {
    // Reconnected (moved in the page): observe its blocks again, which measures them once more.
    if (ro) for (const [el] of this.watched.values()) ro.observe(el);
  }

  hostDisconnected(): void {
    if (ro) for (const [el] of this.watched.values()) ro.unobserve(el);
  }

  /** Reads block `el` (called by the shared observer, layout fresh); true when its state changed. */
  measure(el: HTMLElement): boolean {
    // An open block (no .clamp) shows all its text: nothing to decide until it is closed again.
    if (!el.isConnected || !el.classList.contains('clamp')) return false;
    const text = el.textContent ?? '';
    if (this.clipped.get(el.id) === text) return false;
    if (el.scrollHeight > el.clientHeight + 1) {
      this.clipped.set(el.id, text);
      return true;
    }
    return this.clipped.delete(el.id);
  }
}
