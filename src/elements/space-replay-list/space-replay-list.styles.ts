import { css } from 'lit';
import { darkPalette, lightPalette } from '../shared/palette.styles.js';

/** Styles of `<space-replay-list>`: the player's custom properties and defaults, light and dark, RTL-aware. */
export const styles = css`
  :host {
    ${lightPalette}
    display: block;
    container-type: inline-size;
    color-scheme: light dark;
    font-family: var(--space-replay-font);
    color: var(--space-replay-fg);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      ${darkPalette}
    }
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 8px;
    margin-block-end: 12px;
  }
  button {
    font: inherit;
    color: inherit;
  }
  .filters button,
  .more button,
  .message button {
    border: 1px solid var(--space-replay-border);
    background: var(--space-replay-bg);
    border-radius: 999px;
    padding: 6px 14px;
    cursor: pointer;
  }
  .filters button[aria-pressed='true'] {
    background: var(--space-replay-accent);
    border-color: var(--space-replay-accent);
    color: var(--space-replay-bg);
  }
  button:focus-visible {
    outline: 2px solid var(--space-replay-accent);
    outline-offset: 2px;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 12px;
  }
  .card {
    position: relative;
    display: grid;
    grid-template-columns: 96px 1fr;
    gap: 12px;
    align-items: center;
    padding: 12px;
    background: var(--space-replay-bg);
    border: 1px solid var(--space-replay-border);
    border-radius: var(--space-replay-radius);
  }
  .card:focus-within {
    border-color: var(--space-replay-accent);
  }
  /* Only the picture fades: faded text would fall below 4.5:1 (the badge says it expired). */
  .card.expired .wave {
    opacity: 0.65;
  }
  .wave {
    height: 48px;
    color: var(--space-replay-accent);
  }
  .card.expired .wave {
    color: var(--space-replay-muted);
  }
  .waveform {
    display: block;
    width: 100%;
    height: 100%;
  }
  .body {
    min-width: 0;
  }
  .heading {
    margin: 0;
    font-size: 1em;
  }
  .open {
    all: unset;
    cursor: pointer;
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  /* The whole card is the button's hit area. */
  .open::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
  }
  .open:focus-visible {
    outline: none;
  }
  .card:has(.open:focus-visible) {
    outline: 2px solid var(--space-replay-accent);
    outline-offset: 2px;
  }
  .open[aria-disabled='true'] {
    cursor: not-allowed;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 8px;
    margin: 4px 0 0;
    color: var(--space-replay-muted);
    font-size: 0.875em;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 1px 8px;
    border-radius: 999px;
    background: var(--space-replay-surface);
    font-size: 0.85em;
    font-weight: 600;
  }
  .badge.live {
    color: var(--space-replay-live);
  }
  .badge.live .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
  }
  .badge.expired,
  .badge.expiry {
    color: var(--space-replay-fg);
  }
  .badge.resume {
    color: var(--space-replay-accent);
  }
  .people {
    display: flex;
    margin-top: 8px;
    padding-inline-start: 6px;
  }
  .avatar {
    width: 28px;
    height: 28px;
    margin-inline-start: -6px;
    border-radius: 50%;
    border: 2px solid var(--space-replay-bg);
    background: var(--space-replay-surface);
    object-fit: cover;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    font-size: 0.7em;
    font-weight: 700;
    color: var(--space-replay-muted);
    box-sizing: border-box;
  }
  .player {
    margin-top: 8px;
  }
  .more {
    margin-top: 12px;
    text-align: center;
  }
  .message {
    padding: 16px;
    border: 1px solid var(--space-replay-border);
    border-radius: var(--space-replay-radius);
    background: var(--space-replay-bg);
  }
  .message p {
    margin: 0 0 8px;
  }
  .message.loading {
    display: grid;
    gap: 12px;
  }
  .bone {
    height: 72px;
    border-radius: var(--space-replay-radius);
    background: var(--space-replay-surface);
  }
  @media (prefers-reduced-motion: no-preference) {
    .bone {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.5;
    }
  }
  .issues,
  .skipped ul {
    margin: 8px 0;
    padding-inline-start: 20px;
    font-size: 0.875em;
  }
  .skipped {
    margin-top: 12px;
    color: var(--space-replay-muted);
    font-size: 0.875em;
  }
  code {
    font-family: ui-monospace, monospace;
  }
  @container (max-width: 420px) {
    .card {
      grid-template-columns: 64px 1fr;
    }
  }
`;
