import { css } from 'lit';

/** Styles of `<space-replay-timeline>`. Media timelines are not mirrored: it stays left to right in every script. */
export const timelineStyles = css`
  :host {
    display: block;
  }
  .timeline {
    direction: ltr;
    position: relative;
    display: grid;
    gap: 4px;
    border-radius: 8px;
    touch-action: none;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--space-replay-accent);
    outline-offset: 2px;
  }
  .waveform {
    overflow: hidden;
  }
  .lanes-box {
    position: relative;
  }
  .lanes {
    display: block;
    width: 100%;
  }
  .cursor {
    position: absolute;
    inset-block: 0;
    left: 0;
    width: 2px;
    margin-left: -1px;
    background: var(--space-replay-cursor);
    pointer-events: none;
  }
  .marks {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    pointer-events: none;
  }
  .hover {
    position: absolute;
    bottom: 100%;
    transform: translateX(-50%);
    background: var(--space-replay-fg);
    color: var(--space-replay-bg);
    font-size: 0.8em;
    padding: 2px 6px;
    border-radius: 4px;
    white-space: nowrap;
    pointer-events: none;
  }
  .probe {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;
