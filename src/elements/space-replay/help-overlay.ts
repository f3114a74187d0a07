/**
 * The keyboard shortcuts overlay (`?`): a chunk of its own, fetched the first time someone asks for
 * it. Its key table is here rather than in the message table for the same reason.
 */

import { html, type TemplateResult } from 'lit';
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
