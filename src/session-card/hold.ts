// A page that pastes many cards and reserves no space (no configurator rule) must not move when
// the feed arrives. While a widget shows its loading box (skeleton or fallback), one
// ResizeObserver for the page reports that box's size after layout (the widget reads no layout);
// once the content is in, the widget keeps at least that block size, so content no taller than
// the box moves nothing (the box's default height is a full card's, see the styles). The box
// counts only as far as the parent shows it: a CMS block capped at its reservation while loading
// (the configurator's markup rule) holds the widget at the reservation, not at the clipped box.
// Released when the widget's width changes (a phone turned), where the old height means nothing,
// and as soon as the widget is below the viewport, where the shorter card moves nothing the reader
// sees (one above it stays held: letting go there needs scroll anchoring, which not every browser
// has). So the space the box held beyond the content shows only while the card is on screen.
import type { ReactiveController, ReactiveElement } from 'lit';

type Host = ReactiveElement & { state: string };

// Who watches each observed element: a widget's own box, or a parent shared by many widgets.
const watchers = new WeakMap<Element, Set<HoldController>>();
let ro: ResizeObserver | undefined;
// One page-wide IntersectionObserver for held widgets: a held widget below the viewport lets go.
const held = new WeakMap<Element, HoldController>();
let io: IntersectionObserver | undefined;

export class HoldController implements ReactiveController {
  // The host's box [inline, block] and the parent's block size, last laid out, in px.
  private box?: [number, number];
  private outer = Infinity;
  private parent?: Element | null;

  constructor(private readonly host: Host) {
    host.addController(this);
  }

  hostConnected(): void {
    if (typeof ResizeObserver === 'undefined' || (this.host.state !== 'loading' && !this.box)) return;
    ro ??= new ResizeObserver((es) => es.forEach((e) => watchers.get(e.target)?.forEach((c) => c.seen(e.target, e.borderBoxSize[0]))));
    for (const el of [this.host, (this.parent = this.host.parentElement)]) {
      if (!el) continue;
      if (!watchers.has(el)) watchers.set(el, new Set());
      watchers.get(el)!.add(this);
      ro.observe(el);
    }
  }

  hostDisconnected(): void {
    this.release();
  }

  // Before each render (the state is derived by then): the content keeps the box's height.
  hostUpdate(): void {
    if (!this.box || this.host.state === 'loading') return;
    this.host.style.minBlockSize = `${Math.min(this.box[1], this.outer)}px`;
    if (typeof IntersectionObserver !== 'undefined' && !held.has(this.host)) {
      io ??= new IntersectionObserver((es) =>
        es.forEach((e) => e.isIntersecting || e.boundingClientRect.top < (e.rootBounds?.bottom ?? innerHeight) || held.get(e.target)?.drop()),
      );
      held.set(this.host, this);
      io.observe(this.host);
    }
  }

  private seen(el: Element, { inlineSize: w, blockSize: h }: ResizeObserverSize): void {
    if (this.host.state === 'loading') {
      if (el === this.host) this.box = [w, h];
      else this.outer = h;
    } else if (el === this.host && w !== this.box?.[0]) this.drop();
  }

  // Lets go of the held height, and of the observers.
  private drop(): void {
    if (this.box) this.host.style.minBlockSize = '';
    this.box = undefined;
    this.release();
  }

  // Stops watching; a parent is unobserved once no widget watches it.
  private release(): void {
    if (held.get(this.host) === this) {
      held.delete(this.host);
      io!.unobserve(this.host);
    }
    for (const el of [this.host, this.parent]) {
      const set = el && watchers.get(el);
      if (set?.delete(this) && !set.size) ro!.unobserve(el!);
    }
  }
}
