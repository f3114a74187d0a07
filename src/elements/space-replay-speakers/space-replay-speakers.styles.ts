import { css } from 'lit';

/** Styles of `<space-replay-speakers>`. */
export const speakersStyles = css`
  :host {
    display: block;
  }
  /* The live region saying who speaks now: read, not shown (.sr of the control styles), on one line. */
  .live {
    margin: 0;
    white-space: nowrap;
  }
  .speakers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 6px;
  }
  .speaker {
    width: 100%;
    justify-content: start;
    gap: 8px;
    padding: 6px 8px;
    text-align: start;
    border-inline-start: 4px solid var(--speaker-color);
  }
  .speaker[aria-current='true'] {
    border-color: var(--speaker-color);
  }
  .avatar {
    flex: none;
    width: 32px;
    height: 32px;
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: inline-grid;
    place-items: center;
    background: var(--speaker-color);
    color: var(--space-replay-bg);
    font-size: 0.8em;
    font-weight: 600;
  }
  .who {
    display: grid;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* One line whatever it holds: "Speaking now" coming and going at each turn must not change
     the chip's height (the row below would jump, and a server-rendered placeholder would not match
     a player that resumes mid-turn); what does not fit is cut with an ellipsis. */
  .facts {
    display: flex;
    flex-wrap: nowrap;
    white-space: nowrap;
    overflow: hidden;
    gap: 2px 8px;
    font-size: 0.75em;
    color: var(--space-replay-muted);
  }
  .facts > * {
    flex: none;
  }
  .facts > .speaking {
    flex: 0 1 auto;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .speaking {
    color: var(--speaker-color);
    font-weight: 600;
  }
  @container (max-width: 480px) {
    .speakers {
      grid-template-columns: 1fr;
    }
  }
`;
