// Long feed texts are clamped to a few lines (CSS line-clamp), so a widget's height follows from
// its content and width; a "more" button opens them. This controller says which clamped blocks
// actually overflow, so a short text gets no useless button, and tracks which ones are open.
// A block is `.clamp` (while closed) with an `id`.
//
// No layout is read during an update. Blocks that are new or hold a new text are read once the
// updates in progress are done (a microtask after them: 500 cards updated together are read in
// one pass, one layout), so a clipped block's widget updates again before anything is painted and
// its button is in the first frame with the text. Read after layout instead (ResizeObserver's
// first report, or an animation frame when the update ran inside one), the button moved the page
// one frame after the text. One ResizeObserver for the whole page reads a block again whenever
// its box changes size (a narrower column, a font that arrives, a block laid out only later).
import type { ReactiveController, ReactiveElement } from 'lit';

// The controller of each observed block (blocks live in their widgets' shadow roots).
const owners = new WeakMap<Element, ClampController>();
// Reads blocks, every read first, then the updates they ask for (requestUpdate only queues a microtask).
const read = (blocks: Iterable<Element>) => {
  const changed = new Set<ClampController>();
  for (const el of blocks) {
    const c = owners.get(el);
    if (c?.measure(el as HTMLElement)) changed.add(c);
  }
  for (const c of changed) c.host.requestUpdate();
};
let ro: ResizeObserver | undefined;
const observer = () => (ro ??= new ResizeObserver((entries) => read(entries.map((e) => e.target))));
// Blocks to read once the updates in progress are done.
const fresh = new Set<Element>();

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
      if (!fresh.size)
        queueMicrotask(() => {
          const blocks = [...fresh];
          fresh.clear();
          read(blocks);
        });
      fresh.add(el);
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
