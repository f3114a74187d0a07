import { css } from 'lit';

/** Styles of `<space-replay-reactions>`. Like the timeline, it stays left to right in every script. */
export const reactionsStyles = css`
  :host {
    display: block;
  }
  .strip {
    direction: ltr;
    position: relative;
    height: var(--space-replay-reactions-height, 18px);
    border-radius: 4px;
    background: var(--space-replay-surface);
    cursor: pointer;
  }
  canvas {
    display: block;
    width: 100%;
    height: 100%;
  }
  .probe {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
`;
