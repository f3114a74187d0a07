/**
 * The keyboard shortcuts help (`?`, or the transport's help button): open or closed, and its
 * overlay, a chunk of its own fetched the first time someone asks for it. Focus moves into it
 * when it opens; the transport returns focus to its help button when it closes.
 */

import { nothing, type ReactiveController, type ReactiveElement, type TemplateResult } from 'lit';
import { languageOf, messagesFor } from '../../i18n/messages.js';

/** The help overlay of one provider. */
export class HelpController implements ReactiveController {
  /** Whether the help shows. */
  open = false;
  private overlay: typeof import('./help-overlay.js') | null = null;

  /** Adds itself to `host`, which renders {@link render} where the overlay belongs. */
  constructor(private readonly host: ReactiveElement) {
    host.addController(this);
  }

  /** Nothing to set up. */
  hostConnected(): void {}

  /** Opens or closes the help. */
  async toggle(open: boolean): Promise<void> {
    this.overlay ??= await import('./help-overlay.js');
    this.overlay.adoptHelpStyles(this.host.renderRoot);
    this.open = open;
    this.host.requestUpdate();
    if (open) void this.host.updateComplete.then(() => this.host.renderRoot.querySelector<HTMLElement>('[part~="help"] button')?.focus());
  }

  /** The overlay while open, in the host's language. */
  render(): TemplateResult | typeof nothing {
    if (!this.open || !this.overlay) return nothing;
    const lang = languageOf(this.host);
    return this.overlay.renderHelp(messagesFor(lang), lang, () => void this.toggle(false));
  }
}
