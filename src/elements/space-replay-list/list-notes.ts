/** What `<space-replay-list>` shows around its cards: loading, errors, the role filters, the items left out. */

import { html, nothing, type TemplateResult } from 'lit';
import type { ListErrorDetail } from '../../events.js';
import type { ListTable } from '../../i18n/list-messages.js';
import type { ManifestIssue } from '../../manifest/issues.js';
import { LIST_FILTERS, type ListFilter } from './feed-order.js';

/** A problem of an item left out, and the feed page it was on (1 for the first). */
export interface SkippedIssue extends ManifestIssue {
  page: number;
}

/** The loading placeholder. */
export function renderLoading(m: ListTable): TemplateResult {
  return html`<div part="message loading" class="message loading" role="status">
    <span class="sr">${m.list.loading}</span>
    ${[0, 1, 2].map(() => html`<div class="bone" aria-hidden="true"></div>`)}
  </div>`;
}

/** Why the feed (or its next page) could not be shown, with each problem's path, and Retry where it can help. */
export function renderListError(m: ListTable, headline: string, detail: ListErrorDetail, retry: () => void): TemplateResult {
  const issues = detail.issues ?? [];
  return html`<div part="message error" class="message error" role="alert">
    <p class="headline">${detail.code === 'offline' ? m.errors.offline : headline}</p>
    ${detail.status !== undefined ? html`<p class="detail">${m.httpStatus(detail.status)}</p>` : nothing}
    ${issues.length > 0
      ? html`<ul part="issues" class="issues">
          ${issues.slice(0, 5).map((i) => html`<li><code>${i.path || '(feed)'}</code> ${i.message}</li>`)}
        </ul>`
      : nothing}
    ${detail.code !== 'feed-invalid' ? html`<button part="button retry-button" type="button" @click=${retry}>${m.retry}</button>` : nothing}
  </div>`;
}

/** The role filters, `filter` pressed. */
export function renderFilters(m: ListTable, filter: ListFilter, choose: (f: ListFilter) => void): TemplateResult {
  return html`<div part="filters" class="filters" role="group" aria-label=${m.list.filterLabel}>
    ${LIST_FILTERS.map((f) => {
      const active = filter === f;
      return html`<button part=${active ? 'button filter active' : 'button filter'} type="button" aria-pressed=${active ? 'true' : 'false'} @click=${() => choose(f)}>
        ${m.list.filters[f]}
      </button>`;
    })}
  </div>`;
}

/** The items left out, counted once each, with their problems (and pages, when there are several). */
export function renderSkipped(m: ListTable, skipped: readonly SkippedIssue[], pages: number): TemplateResult {
  const items = new Set(skipped.map((s) => `${s.page}:${/^items\[\d+\]/.exec(s.path)?.[0] ?? s.path}`));
  return html`<details part="issues" class="skipped">
    <summary>${m.list.skipped(items.size)}</summary>
    <ul>
      ${skipped.map((s) => html`<li>${pages > 1 ? `${s.page} · ` : ''}<code>${s.path}</code> ${s.message}</li>`)}
    </ul>
  </details>`;
}
