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
  /* The default layout's rows as they will be (header, waveform, transport, speakers, with the
     player's own gap), so what follows the player hardly moves when the recording shows. */
  .skeleton {
    display: grid;
    gap: 12px;
  }
  .bone {
    background: var(--space-replay-surface);
    border-radius: 6px;
  }
  .bone.header {
    height: 48px;
  }
  .bone.wave {
    height: 84px;
  }
  .bone.transport {
    height: 90px;
  }
  .bone.speakers {
    height: 53px;
  }
`;
