import { css } from 'lit';

/** Styles of `<space-replay-status>`. */
export const statusStyles = css`
  :host {
    display: block;
  }
  .message {
    padding: 12px;
    border-radius: 8px;
    background: var(--space-replay-surface);
  }
  .message p {
    margin: 0 0 6px;
  }
  .headline {
    font-weight: 600;
  }
  .issues {
    margin: 0 0 8px;
    padding-inline-start: 20px;
    font-size: 0.9em;
  }
  .skeleton {
    display: grid;
    gap: 10px;
  }
  .bone {
    background: var(--space-replay-surface);
    border-radius: 6px;
    height: 36px;
  }
  .bone.wave {
    height: 80px;
  }
`;
