/**
 * A part's link to its provider: the snapshot (Lit updates the part when it changes) and, for
 * parts that follow playback, the clock. Outside a provider `state` stays undefined and the part
 * renders nothing of the player.
 */

import { ContextConsumer, ContextRoot } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { playerContext, type PlayerSnapshot } from './player-context.js';
import type { PlayerClock } from './player-clock.js';

const rooted = new WeakSet<Document>();

/** Reads the nearest provider's state; `onTick` hears the clock. */
export class PlayerConsumer implements ReactiveController {
  private readonly consumer: ContextConsumer<typeof playerContext, ReactiveControllerHost & HTMLElement>;
  private clock: PlayerClock | null = null;
  private stopTicks: (() => void) | null = null;

  /** Adds itself to `host`; `onTick` gets the position each time the provider's clock reads it. */
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly onTick?: (time: number) => void,
  ) {
    // Added first, so the context root is attached before the consumer asks (see hostConnected).
    host.addController(this);
    this.consumer = new ContextConsumer(host, { context: playerContext, subscribe: true, callback: (s) => this.listen(s?.clock) });
  }

  /** The provider's state, or undefined outside one. */
  get state(): PlayerSnapshot | undefined {
    return this.consumer.value;
  }

  /**
   * Makes sure a provider defined after its parts still finds them: a context root on the document
   * keeps the requests nobody answered and asks again when a provider connects. (The context
   * consumer itself asks on connect.)
   */
  hostConnected(): void {
    const doc = this.host.ownerDocument;
    if (rooted.has(doc)) return;
    rooted.add(doc);
    new ContextRoot().attach(doc.documentElement);
  }

  /** Stops hearing the clock. */
  hostDisconnected(): void {
    this.stopTicks?.();
    this.stopTicks = null;
    this.clock = null;
  }

  private listen(clock: PlayerClock | undefined): void {
    if (!this.onTick || (clock ?? null) === this.clock) return;
    this.stopTicks?.();
    this.clock = clock ?? null;
    this.stopTicks = clock ? clock.subscribe(this.onTick) : null;
  }
}
