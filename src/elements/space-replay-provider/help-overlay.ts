/**
 * The keyboard shortcuts overlay (`?`): a chunk of its own, fetched the first time someone asks for
 * it. Its key table is here rather than in the message table for the same reason.
 */

import { css, html, type TemplateResult } from 'lit';
import type { Messages } from '../../i18n/messages.js';

type Keys = [keys: string, what: string][];

const KEYS: Record<string, Keys> = {
  en: [
    ['Space, K', 'Play or pause'],
    ['J, L', 'Back or forward'],
    ['←, →', 'Back or forward 5 seconds'],
    ['N, P', 'Next or previous speaker'],
    ['M', 'Mute or unmute'],
    [', .', 'Slower or faster'],
    ['Home, End', 'Start or end (on the timeline)'],
    ['?', 'Show or hide this help'],
  ],
  fr: [
    ['Espace, K', 'Lecture ou pause'],
    ['J, L', 'Reculer ou avancer'],
    ['←, →', 'Reculer ou avancer de 5 secondes'],
    ['N, P', 'Intervenant suivant ou précédent'],
    ['M', 'Couper ou rétablir le son'],
    [', .', 'Plus lent ou plus rapide'],
    ['Début, Fin', 'Début ou fin (sur la frise)'],
    ['?', 'Afficher ou masquer cette aide'],
  ],
};

// Its styles come with it (the main chunk has a size budget), as a stylesheet the host's shadow
// root adopts: a <style> element in the template would be blocked by a strict style-src.
const styles = css`
  .help-head {
    display: flex;
    gap: 8px;
    align-items: start;
    justify-content: space-between;
  }
  .help {
    position: absolute;
    inset: 8px;
    overflow: auto;
    background: var(--space-replay-bg);
    border: 1px solid var(--space-replay-border);
    border-radius: var(--space-replay-radius);
    padding: 12px 16px;
    z-index: 10;
    box-shadow: 0 8px 24px rgb(0 0 0 / 0.2);
  }
  .help h3 {
    margin: 0;
    font-size: 1em;
  }
  .help dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 6px 16px;
  }
  .help dt,
  .help dd {
    margin: 0;
  }
  kbd {
    direction: ltr;
    unicode-bidi: isolate;
    font: inherit;
    font-size: 0.85em;
    padding: 1px 6px;
    border: 1px solid var(--space-replay-border);
    border-radius: 4px;
  }
`;

/** Adds the overlay's styles to `root` (once). */
export function adoptHelpStyles(root: Node): void {
  if (!(root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (sheet) {
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    return;
  }
  // A browser without constructed stylesheets: a <style> element, with Lit's nonce where the page set one.
  if (root.querySelector('style[data-help]')) return;
  const style = document.createElement('style');
  style.dataset.help = '';
  const nonce = (globalThis as { litNonce?: string }).litNonce;
  if (nonce) style.setAttribute('nonce', nonce);
  style.textContent = styles.cssText;
  root.append(style);
}

/** The overlay in `lang` (English keys for languages without a table); `close` hides it. */
export function renderHelp(m: Messages, lang: string, close: () => void): TemplateResult {
  const keys = KEYS[lang.toLowerCase().split('-')[0] ?? ''] ?? KEYS.en!;
  return html`<div part="help" class="help" role="dialog" aria-modal="false" aria-labelledby="help-title">
    <div class="help-head">
      <h3 id="help-title">${m.shortcuts}</h3>
      <button part="button" type="button" @click=${close}>${m.close}</button>
    </div>
    <dl>${keys.map(([k, what]) => html`<dt><kbd>${k}</kbd></dt><dd>${what}</dd>`)}</dl>
  </div>`;
}
