/** The transcript panel's toolbar: search (field, count, previous and next), copy, and downloads when allowed. */

import { html, nothing, svg, type TemplateResult } from 'lit';
import type { TranscriptMessages } from '../../i18n/messages.js';

/** What the toolbar shows and does. */
export interface Toolbar {
  /** Number of hits, and the one shown (-1: none). */
  hits: number;
  active: number;
  /** The query (an empty one shows no count). */
  query: string;
  /** Offer the downloads. */
  allowDownload: boolean;
  /** "Transcript copied", for a few seconds. */
  status: string;
  onInput(event: Event): void;
  onKey(event: KeyboardEvent): void;
  step(step: 1 | -1): void;
  copy(): void;
  download(event: Event): void;
}

const chevron = (d: string): TemplateResult =>
  html`<svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">${svg`<path d=${d} fill="currentColor"></path>`}</svg>`;

/** The toolbar in `m`'s language. */
export function renderToolbar(m: TranscriptMessages, t: Toolbar): TemplateResult {
  const n = t.hits;
  const count = t.query.trim() === '' ? '' : n === 0 ? m.noResults : m.searchCount(t.active + 1, n);
  return html`<div part="toolbar" class="toolbar">
    <input part="search" class="search" type="search" dir="auto" enterkeyhint="search" autocomplete="off" spellcheck="false"
      aria-label=${m.search} placeholder=${m.search} @input=${t.onInput} @keydown=${t.onKey} />
    <span part="search-count" class="count" role="status">${count}</span>
    <button part="button search-previous" type="button" aria-label=${m.previousResult} ?disabled=${n === 0} @click=${() => t.step(-1)}>
      ${chevron('M7.4 15.4 12 10.8l4.6 4.6L18 14l-6-6-6 6z')}
    </button>
    <button part="button search-next" type="button" aria-label=${m.nextResult} ?disabled=${n === 0} @click=${() => t.step(1)}>
      ${chevron('M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z')}
    </button>
    <button part="button copy-button" type="button" @click=${t.copy}>${m.copy}</button>
    ${t.allowDownload
      ? html`<button part="button download-button" type="button" data-format="vtt" @click=${t.download}>${m.downloadVtt}</button>
          <button part="button download-button" type="button" data-format="txt" @click=${t.download}>${m.downloadText}</button>`
      : nothing}
    <span part="status" class="status" role="status">${t.status}</span>
  </div>`;
}
