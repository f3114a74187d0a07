import { css } from 'lit';

/** Styles of `<space-replay-clip-tools>`. */
export const clipToolsStyles = css`
  :host {
    display: grid;
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
  [part~='clip-button'][aria-pressed='true'] {
    outline: 2px solid var(--space-replay-accent);
  }
`;
