// One timer per element for the next instant its output changes (a session starting or ending),
// never one per second, as a Lit reactive controller: the host says when in willUpdate/render
// derivation (`next`), the controller arms after the update, re-arms when the instant moves or
// the clock is replaced (tests, pinned stories), and drops everything on disconnect.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onClockChange, scheduleAt } from './clock.js';

export class BoundaryTimer implements ReactiveController {
  /** The next instant (ms since epoch) the host's output changes; Infinity for never. Set per update. */
  next = Infinity;
  private armed?: number;
  private cancel?: () => void;
  private offClock?: () => void;

  constructor(private readonly host: ReactiveControllerHost & { readonly isConnected: boolean }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.offClock = onClockChange(() => this.fire());
    // Re-armed after the update that reconnecting requests.
    this.disarm();
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.offClock?.();
    this.offClock = undefined;
    this.disarm();
  }

  hostUpdated(): void {
    if (this.next === this.armed || !this.host.isConnected) return;
    this.disarm();
    this.armed = this.next;
    if (this.next < Infinity) this.cancel = scheduleAt(this.next, () => this.fire());
  }

  private disarm(): void {
    this.cancel?.();
    this.cancel = this.armed = undefined;
  }

  /** The boundary is reached (or the clock changed): update, which derives and arms the next one. */
  private fire(): void {
    this.disarm();
    this.host.requestUpdate();
  }
}
