/** The player's icons: small inline SVG paths (24×24 view box), hidden from assistive technology. */

import { html, svg, type TemplateResult } from 'lit';

const PATHS = {
  play: 'M8 5v14l11-7z',
  pause: 'M6 5h4v14H6zm8 0h4v14h-4z',
  back: 'M12 5V1L7 6l5 5V7a6 6 0 1 1-6 6H4a8 8 0 1 0 8-8z',
  forward: 'M12 5V1l5 5-5 5V7a6 6 0 1 0 6 6h2a8 8 0 1 1-8-8z',
  previous: 'M6 6h2v12H6zm3.5 6L18 18V6z',
  next: 'M16 6h2v12h-2zM6 18l8.5-6L6 6z',
  volume: 'M3 9v6h4l5 5V4L7 9zm13.5 3A4.5 4.5 0 0 0 14 8v8a4.5 4.5 0 0 0 2.5-4z',
  muted: 'M3 9v6h4l5 5V4L7 9zm11.6-.6 1.4-1.4 6 6-1.4 1.4zm0 6.2 6-6 1.4 1.4-6 6z',
  download: 'M5 20h14v-2H5zM19 9h-4V3H9v6H5l7 7z',
  help: 'M11 18h2v-2h-2zm1-14a4 4 0 0 0-4 4h2a2 2 0 1 1 4 0c0 2-3 1.75-3 5h2c0-2.25 3-2.5 3-5a4 4 0 0 0-4-4z',
} as const;

/** An icon by name. */
export function icon(name: keyof typeof PATHS): TemplateResult {
  return html`<svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${svg`<path d=${PATHS[name]} fill="currentColor"></path>`}</svg>`;
}
