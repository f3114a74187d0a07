/**
 * The colour tokens the player and the list share. Each is a run of declarations, not a rule, so
 * an element puts it under the selectors it needs (the player uses the dark one twice: for the
 * viewer's scheme and for `theme="dark"`).
 */
import { css } from 'lit';

/** Light defaults of the shared custom properties (font, colours, radius). */
export const lightPalette = css`
  --space-replay-font: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  --space-replay-bg: #ffffff;
  --space-replay-fg: #16181d;
  --space-replay-muted: #5b6270;
  --space-replay-accent: #4338ca;
  --space-replay-surface: #eef0f4;
  --space-replay-border: #d6d9e0;
  --space-replay-radius: 12px;
  --space-replay-live: #b91c1c;
`;

/** Dark values of the shared colour properties. */
export const darkPalette = css`
  --space-replay-bg: #16181d;
  --space-replay-fg: #eceef2;
  --space-replay-muted: #a0a7b5;
  --space-replay-accent: #a5b4fc;
  --space-replay-surface: #242832;
  --space-replay-border: #363b47;
  --space-replay-live: #f87171;
`;
