import { css } from 'lit';

/** Styles of `<space-replay-clip-tools>`. */
export const clipToolsStyles = css`
  :host {
    display: grid;
    /* No wider than the player, whatever the titles. */
    grid-template-columns: minmax(0, 1fr);
    gap: 8px;
  }
  .clip-tools,
  .clip-editor {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
  }
  .clip-editor > space-replay-clip-editor {
    flex: 1;
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
  .highlights li {
    display: flex;
    align-items: center;
    gap: 6px;
    min-width: 0;
  }
  /* A long title ends in an ellipsis (its button's label and the tooltip say it whole). */
  .highlight-title {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .highlight-time {
    flex: none;
  }
  [part~='clip-button'][aria-pressed='true'] {
    outline: 2px solid var(--space-replay-accent);
  }
`;
