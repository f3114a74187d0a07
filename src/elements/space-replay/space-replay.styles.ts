import { css } from 'lit';
import { playerPalette } from '../shared/player-palette.styles.js';

/**
 * Styles of `<space-replay>`: the player box around its parts, compact under 480 px. The parts lay
 * out as the box's own children (`display: contents`): one that shows nothing takes no room.
 */
export const styles = [
  playerPalette,
  css`
    :host {
      display: block;
      container-type: inline-size;
      min-width: 280px;
    }
    .player {
      position: relative;
      background: var(--space-replay-bg);
      border: 1px solid var(--space-replay-border);
      border-radius: var(--space-replay-radius);
      padding: 16px;
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 12px;
    }
    .player > *,
    space-replay-chapters,
    space-replay-clip-tools {
      display: contents;
    }
    .player > .transcript {
      display: block;
    }
    .companion {
      display: grid;
      gap: 8px;
      margin-top: 12px;
    }
    space-replay-transcript {
      --space-replay-transcript-height: 20rem;
    }
    @container (max-width: 480px) {
      .player {
        padding: 12px;
        gap: 10px;
      }
    }
  `,
];
