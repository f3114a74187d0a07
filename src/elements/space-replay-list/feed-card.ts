/**
 * One card of `<space-replay-list>`: title (the button that opens its player), status, date, length,
 * "N days left", "Expired" or "Resume at 14:02", the people, a mini waveform; and, once opened,
 * its `<space-replay>` (expired cards open nothing and load nothing, avatars included).
 */

import { html, nothing, type TemplateResult } from 'lit';
import { formatList } from '../../i18n/list-format.js';
import type { ListTable } from '../../i18n/list-messages.js';
import type { FeedItem, FeedParticipant } from '../../manifest/feed-types.js';
import { formatSpokenTime, formatTime } from '../../model/time.js';
import { initialsOf } from '../space-replay-transcript/avatar.js';
import { expiryOf, resumePositionOf, splitHosts } from './card-facts.js';
import { withLtrArgs } from '../shared/bidi.js';
import { miniWaveform } from './mini-waveform.js';

const MAX_AVATARS = 4;

/** How a card shows and what it does. */
export interface CardContext {
  /** The list's strings and language. */
  m: ListTable;
  lang: string;
  /** The time expiry is judged at. */
  now: number;
  /** The card is the list's tab stop. */
  focused: boolean;
  /** Its player is open. */
  open: boolean;
  /** Its player's code could not be loaded. */
  failed: boolean;
  /** Avatar URLs that failed to load (initials instead). */
  broken: ReadonlySet<string>;
  toggle(): void;
  focus(): void;
  /** Its player is ready. */
  ready(event: Event): void;
  /** An avatar failed to load. */
  avatarBroke(src: string): void;
}

/** The `<li>` of `item`. */
export function renderCard(item: FeedItem, c: CardContext): TemplateResult {
  const { m, lang } = c;
  const { expired, left } = expiryOf(item, c.now);
  const open = c.open && !expired;
  const resume = expired ? undefined : resumePositionOf(item);
  const metaId = `meta-${item.id}`;
  const cardParts = ['card', item.status, expired ? 'expired' : '', open ? 'open' : ''].filter(Boolean).join(' ');
  return html`<li part="item" class="item">
    <article part=${cardParts} class="card ${expired ? 'expired' : ''}">
      <div class="wave">${miniWaveform(item.waveform?.data)}</div>
      <div class="body">
        <h3 class="heading">
          <button part="open-button" class="open" type="button" tabindex=${c.focused ? 0 : -1} aria-expanded=${open ? 'true' : 'false'}
            aria-disabled=${expired ? 'true' : 'false'} aria-describedby=${metaId} @click=${c.toggle} @focus=${c.focus}>
            <span part="title" class="title">${item.title}</span>
          </button>
        </h3>
        <p part="meta" class="meta" id=${metaId}>
          ${renderStatus(item, m)}
          <time datetime=${item.startedAt}>${dateOf(item.startedAt, lang)}</time>
          <span aria-hidden="true">·</span>
          <time datetime=${`PT${Math.round(item.duration)}S`} dir="ltr" aria-label=${m.list.duration(formatSpokenTime(item.duration, lang))}>${formatTime(item.duration)}</time>
          ${expired ? html`<span part="badge expired" class="badge expired">${m.list.expired}</span><span class="sr">${m.list.expiredNote}</span>` : nothing}
          ${left ? html`<span part="badge expiry" class="badge expiry" dir="auto">${m.list.timeLeft(left.count, left.unit)}</span>` : nothing}
          ${resume !== undefined ? html`<span part="badge resume" class="badge resume" dir="auto">${withLtrArgs(m.list.resumeAt, formatTime(resume, { forceHours: item.duration >= 3600 }))}</span>` : nothing}
          ${renderPeopleText(item.participants, m, lang)}
        </p>
        ${renderAvatars(item.participants, c, expired)}
      </div>
    </article>
    ${c.failed ? html`<p part="message error" class="message error" role="alert">${m.errors['manifest-fetch']}</p>` : nothing}
    ${open
      ? html`<div part="player" class="player" @space-replay-ready=${c.ready}>
          <space-replay src=${item.manifest}></space-replay>
        </div>`
      : nothing}
  </li>`;
}

function renderStatus(item: FeedItem, m: ListTable): TemplateResult {
  if (item.status === 'live') {
    return html`<span part="badge live" class="badge live"><span class="dot" aria-hidden="true"></span><span aria-hidden="true">${m.list.rec}</span><span class="sr">${m.list.liveNow}</span></span>`;
  }
  return html`<span part="badge ${item.status}" class="badge ${item.status}">${item.status === 'pending' ? m.list.scheduled : m.list.recorded}</span>`;
}

function renderPeopleText(participants: readonly FeedParticipant[], m: ListTable, lang: string): TemplateResult | typeof nothing {
  const { hosts, others } = splitHosts(participants);
  if (hosts.length === 0 && others.length === 0) return nothing;
  const list = (names: string[]): string => formatList(names, lang);
  const parts = [hosts.length > 0 ? m.list.hostedBy(list(hosts.map((p) => p.name))) : '', others.length > 0 ? m.list.with(list(others.map((p) => p.name))) : ''];
  return html`<span class="sr people-names">${parts.filter(Boolean).join(', ')}</span>`;
}

function renderAvatars(participants: readonly FeedParticipant[], c: CardContext, expired: boolean): TemplateResult | typeof nothing {
  const { hosts, others } = splitHosts(participants);
  const people = [...hosts, ...others];
  if (people.length === 0) return nothing;
  const shown = people.slice(0, MAX_AVATARS);
  const rest = people.length - shown.length;
  return html`<div part="people" class="people" aria-hidden="true">
    ${shown.map((p) => {
      // Expired cards load nothing at all, avatars included.
      const src = !expired && p.avatar && !c.broken.has(p.avatar) ? p.avatar : undefined;
      return src
        ? html`<img part="avatar" class="avatar" src=${src} alt="" title=${p.name} referrerpolicy="no-referrer" loading="lazy" decoding="async" @error=${() => c.avatarBroke(src)} />`
        : html`<span part="avatar" class="avatar initials" title=${p.name}>${initialsOf(p.name)}</span>`;
    })}
    ${rest > 0 ? html`<span part="avatar" class="avatar more">${c.m.list.more(rest)}</span>` : nothing}
  </div>`;
}

function dateOf(startedAt: string, lang: string): string {
  const date = new Date(startedAt);
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(date);
  } catch {
    return date.toDateString();
  }
}
