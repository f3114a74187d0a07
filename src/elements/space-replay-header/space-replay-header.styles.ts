import { css } from 'lit';

/** Styles of `<space-replay-header>`. */
export const headerStyles = css`
  :host {
    display: block;
  }
  .header {
    display: grid;
    /* A track no wider than the player: a long unbroken title or name wraps instead of widening it. */
    grid-template-columns: minmax(0, 1fr);
    gap: 4px;
  }
  .heading {
    display: flex;
    gap: 8px;
    align-items: start;
    justify-content: space-between;
  }
  .title {
    min-width: 0;
    overflow-wrap: anywhere;
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
  }
  .meta {
    overflow-wrap: anywhere;
    margin: 0;
    color: var(--space-replay-muted);
    font-size: 0.9em;
  }
  .badge {
    flex: none;
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding: 2px 8px;
    border-radius: 999px;
    background: var(--space-replay-surface);
    color: var(--space-replay-muted);
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .badge.live {
    color: var(--space-replay-live);
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
  }
  @media (prefers-reduced-motion: no-preference) {
    .dot {
      animation: blink 1.2s steps(2, jump-none) infinite;
    }
  }
  @keyframes blink {
    50% {
      opacity: 0.2;
    }
  }
`;
