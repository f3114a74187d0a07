import { css } from 'lit';

/**
 * The player's controls (buttons, menus, the download link): shared by the parts that have any.
 * Colours come from the provider's custom properties.
 */
export const controlStyles = css`
  button,
  select,
  .icon-link {
    font: inherit;
    color: inherit;
    background: var(--space-replay-surface);
    border: 1px solid transparent;
    border-radius: 8px;
    min-height: 36px;
    min-width: 36px;
    padding: 0 8px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 2px;
    cursor: pointer;
    text-decoration: none;
  }
  button:hover,
  select:hover,
  .icon-link:hover {
    border-color: var(--space-replay-border);
  }
  :focus-visible {
    outline: 2px solid var(--space-replay-accent);
    outline-offset: 2px;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  select {
    max-width: 12em;
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  @container (max-width: 480px) {
    select {
      max-width: 8em;
    }
  }
`;
