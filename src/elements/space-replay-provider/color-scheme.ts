/**
 * The provider's colour scheme changes: the viewer's `prefers-color-scheme`, or the `theme`
 * attribute. The custom properties follow by themselves; canvases (the waveform) are repainted by
 * hand, so parts see a counter that changes with each.
 */

import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Counts colour scheme changes of one provider. */
export class ColorSchemeWatch implements ReactiveController {
  /** Changes with every change of scheme. */
  changes = 0;
  private query: MediaQueryList | null = null;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Listens to the viewer's scheme. */
  hostConnected(): void {
    this.query = globalThis.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
    this.query?.addEventListener('change', this.changed);
  }

  /** Stops listening. */
  hostDisconnected(): void {
    this.query?.removeEventListener('change', this.changed);
  }

  /** The scheme changed (the `theme` attribute, or the viewer's). */
  readonly changed = (): void => {
    this.changes++;
    this.host.requestUpdate();
  };
}
