import { css } from 'lit';
import { playerPalette } from '../shared/player-palette.styles.js';

/** Styles of `<space-replay-provider>`: the player's custom properties for its parts, and room for the help overlay. */
export const providerStyles = [
  playerPalette,
  css`
    :host {
      display: block;
      position: relative;
    }
  `,
];
