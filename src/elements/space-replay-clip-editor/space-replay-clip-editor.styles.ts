/** Styles of `<space-replay-clip-editor>`. */
import { css } from 'lit';
import { buttonStyles } from '../shared/button.styles.js';

/** The editor's shadow styles. */
export const styles = css`
  :host {
    display: block;
    color: var(--space-replay-fg, inherit);
    font-family: var(--space-replay-font, inherit);
  }
  :host([hidden]) {
    display: none;
  }
  .base {
    display: grid;
    gap: 0.5rem;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--space-replay-border, #d0d7de);
    border-radius: var(--space-replay-radius, 8px);
    background: var(--space-replay-bg, transparent);
  }
  .ends,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .control,
  .length {
    display: flex;
    align-items: center;
    gap: 0.25rem;
  }
  .label {
    color: var(--space-replay-muted, #57606a);
    font-size: 0.875em;
  }
  .value {
    min-width: 4.5ch;
    font-variant-numeric: tabular-nums;
    font-weight: 600;
  }
  ${buttonStyles}
  button[part~='nudge'] {
    min-width: 2.25rem;
    padding-inline: 0.25rem;
    font-variant-numeric: tabular-nums;
  }
  button:focus-visible,
  .link:focus-visible {
    outline: 2px solid var(--space-replay-accent, #1a73e8);
    outline-offset: 1px;
  }
  .message {
    margin: 0;
    font-size: 0.875em;
  }
  [part~='refusal'] {
    color: var(--space-replay-error, #b42318);
  }
  .status {
    font-size: 0.875em;
    color: var(--space-replay-muted, #57606a);
  }
  .status:empty {
    display: none;
  }
  .link {
    font: inherit;
    font-size: 0.875em;
    width: 100%;
    padding: 0.25rem 0.5rem;
  }
`;
