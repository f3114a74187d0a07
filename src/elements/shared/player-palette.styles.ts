import { css } from 'lit';
import { darkPalette, lightPalette } from './palette.styles.js';

/** The player's dark palette: under the viewer's dark scheme (unless `theme="light"`) and under `theme="dark"`. */
const dark = css`
  ${darkPalette}
  --space-replay-wave: #596073;
  --space-replay-speaker-1: #60a5fa;
  --space-replay-speaker-2: #fbbf24;
  --space-replay-speaker-3: #34d399;
  --space-replay-speaker-4: #f472b6;
  --space-replay-speaker-5: #a78bfa;
  --space-replay-speaker-6: #22d3ee;
  --space-replay-speaker-7: #a3e635;
  --space-replay-speaker-8: #fb7185;
`;

/**
 * The player's custom properties with their defaults, light and dark (the viewer's scheme, or
 * forced by the `theme` attribute), on the host of `<space-replay>` and `<space-replay-provider>`:
 * the parts inside inherit them.
 */
export const playerPalette = css`
  :host {
    ${lightPalette}
    --space-replay-wave: #a3a9b8;
    --space-replay-progress: var(--space-replay-accent);
    --space-replay-cursor: var(--space-replay-fg);
    /* Dark enough for white initials on them (WCAG AA, 4.5:1). */
    --space-replay-speaker-1: #2563eb;
    --space-replay-speaker-2: #b45309;
    --space-replay-speaker-3: #047857;
    --space-replay-speaker-4: #be185d;
    --space-replay-speaker-5: #7c3aed;
    --space-replay-speaker-6: #0e7490;
    --space-replay-speaker-7: #4d7c0f;
    --space-replay-speaker-8: #9f1239;
    color-scheme: light dark;
    font-family: var(--space-replay-font);
    color: var(--space-replay-fg);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme=light])) {
      ${dark}
    }
  }
  :host([theme=dark]) {
    ${dark}
    color-scheme: dark;
  }
  :host([theme=light]) {
    color-scheme: light;
  }
`;
