import { css } from 'lit';

/** Styles of `<space-replay-transport>`. The buttons stay left to right in every script: media controls are not mirrored. */
export const transportStyles = css`
  :host {
    display: block;
  }
  .transport {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
  }
  .buttons,
  .settings {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
  }
  .buttons {
    direction: ltr;
  }
  .settings {
    margin-inline-start: auto;
  }
  .play {
    min-width: 44px;
    min-height: 44px;
    border-radius: 50%;
    background: var(--space-replay-accent);
    color: var(--space-replay-bg);
  }
  .amount {
    font-size: 0.7em;
  }
  .time {
    direction: ltr;
    unicode-bidi: isolate;
    font-variant-numeric: tabular-nums;
    color: var(--space-replay-muted);
    font-size: 0.9em;
  }
  .buffering {
    font-size: 0.8em;
    color: var(--space-replay-muted);
  }
  .volume {
    width: 80px;
    /* A target of at least 24 × 24 px (WCAG 2.2, 2.5.8). */
    height: 24px;
    margin: 0;
    accent-color: var(--space-replay-accent);
  }
  @container (max-width: 480px) {
    .transport {
      justify-content: center;
    }
    .settings {
      margin-inline-start: 0;
    }
    .volume,
    .amount {
      display: none;
    }
  }
`;
