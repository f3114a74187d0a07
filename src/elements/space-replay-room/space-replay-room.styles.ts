import { css } from 'lit';

/** Styles of `<space-replay-room>`. */
export const roomStyles = css`
  :host {
    display: block;
  }
  .room {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(200px, 1fr));
    gap: 8px 16px;
    font-size: 0.9em;
  }
  /* The stage and the pins keep one height while the room changes under playback (people come up,
     links get pinned): the player never jumps, and an embed's height is known in advance
     (src/share/embed-height.ts). Longer lists scroll. */
  .stage,
  .pins {
    box-sizing: border-box;
    height: var(--space-replay-room-list-height, 7.5rem);
    overflow-y: auto;
  }
  .listeners {
    margin: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  h3 {
    font-size: 0.85em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--space-replay-muted);
    margin: 0 0 4px;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 2px;
  }
  .note {
    color: var(--space-replay-muted);
  }
  .speaking {
    color: var(--space-replay-accent);
    font-weight: 600;
  }
  .pin[aria-current='true'] a {
    font-weight: 600;
  }
  a {
    color: var(--space-replay-accent);
    overflow-wrap: anywhere;
  }
  .at {
    font: inherit;
    color: var(--space-replay-muted);
    background: none;
    border: 0;
    padding: 0 2px;
    cursor: pointer;
    text-decoration: underline dotted;
  }
  :focus-visible {
    outline: 2px solid var(--space-replay-accent);
    outline-offset: 2px;
  }
`;
