import { css } from 'lit';

/** Styles of the transcript and clip parts, adopted by the player's shadow root when their chunk loads. */
export const extrasStyles = css`
  .companion {
    display: grid;
    gap: 8px;
    margin-top: 12px;
  }
  .clip-tools,
  .clip-editor,
  .clip-banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .clip-editor > space-replay-clip-editor {
    flex: 1;
  }
  .clip-banner {
    margin: 8px 0 0;
    padding: 6px 10px;
    border-radius: calc(var(--space-replay-radius) / 2);
    background: var(--space-replay-surface);
    border-inline-start: 3px solid var(--space-replay-accent);
  }
  .clip-hint,
  .highlight-time {
    color: var(--space-replay-muted);
    font-size: 0.875em;
  }
  .highlights ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 4px;
  }
  [part~='clip-button'][aria-pressed='true'] {
    outline: 2px solid var(--space-replay-accent);
  }
  space-replay-transcript {
    --space-replay-transcript-height: 20rem;
  }
`;
