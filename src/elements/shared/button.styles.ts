/**
 * The small buttons of the transcript panel and the clip editor: they sit inside the player but
 * also stand alone, so each token has a fallback.
 */
import { css } from 'lit';

/** Rules for `button` and `button:disabled`, put inside an element's own styles where its buttons are styled. */
export const buttonStyles = css`
  button {
    font: inherit;
    font-size: 0.875em;
    color: inherit;
    background: var(--space-replay-surface, #f6f8fa);
    border: 1px solid var(--space-replay-border, #d0d7de);
    border-radius: calc(var(--space-replay-radius, 8px) / 2);
    padding: 0.25rem 0.5rem;
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.5;
    cursor: default;
  }
`;
