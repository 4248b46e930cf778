// Long feed texts are clamped to a few lines (CSS line-clamp), so a widget's height follows from
// its content and width; a "more" button opens them. This controller says which clamped blocks
// actually overflow, so a short text gets no useless button, and tracks which ones are open.
// A block is `.clamp` (while closed) with an `id`; checks run when its box resizes and after
// each update (a new text in a box of the same size), outside Lit's update cycle.
import type { ReactiveController, ReactiveElement } from 'lit';

export class ClampController implements ReactiveController {
  /**
   * Blocks whose text does not fit their lines, id → the text found clipped. A block stays
   * clipped while its text is the same: the button it gains may narrow a shrink-to-fit box and
   * so change the fit, which must not toggle the button back and forth.
   */
  readonly clipped = new Map<string, string>();
  /** Ids of blocks the reader opened. */
  readonly open = new Set<string>();
  private ro?: ResizeObserver;
  private queued = false;

  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Opens or closes block `id`. */
  toggle(id: string): void {
    if (!this.open.delete(id)) this.open.add(id);
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    if (typeof ResizeObserver === 'undefined') return;
    this.ro ??= new ResizeObserver(() => this.check());
    for (const el of this.blocks()) this.ro.observe(el);
    if (!this.queued) {
      this.queued = true;
      queueMicrotask(() => {
        this.queued = false;
        this.check();
      });
    }
  }

  hostDisconnected(): void {
    this.ro?.disconnect();
    this.ro = undefined;
  }

  private blocks(): HTMLElement[] {
    return [...(this.host.renderRoot as ParentNode).querySelectorAll<HTMLElement>('.clamp[id]')];
  }

  private check(): void {
    let changed = false;
    for (const el of this.blocks()) {
      const text = el.textContent ?? '';
      if (this.clipped.get(el.id) === text) continue;
      const over = el.scrollHeight > el.clientHeight + 1;
      if (over) this.clipped.set(el.id, text);
      if (over || this.clipped.delete(el.id)) changed = true;
    }
    if (changed) this.host.requestUpdate();
  }
}
