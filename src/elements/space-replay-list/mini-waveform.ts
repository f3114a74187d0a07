/** The card's mini waveform: the feed's overview values drawn as mirrored bars in one inline SVG path. */

import { html, svg, type TemplateResult } from 'lit';

/** Width of the drawing's view box; the bars share it equally. */
const VIEW_WIDTH = 100;
/** Height of the drawing's view box; bars are centred on its middle. */
const VIEW_HEIGHT = 40;
/** The smallest bar drawn, so silence still shows a line. */
const MIN_BAR = 1;
/** Share of its slot a bar fills. */
const BAR_FILL = 0.6;

const round = (n: number): number => Math.round(n * 1000) / 1000;

/**
 * An SVG path of `values` (each in [0, 1]) as bars sharing a {@link VIEW_WIDTH}-wide box equally,
 * mirrored about the middle of its {@link VIEW_HEIGHT} height. Values outside [0, 1] (or not
 * numbers) are clamped.
 */
export function overviewPath(values: readonly number[]): string {
  const slot = VIEW_WIDTH / Math.max(1, values.length);
  const width = round(slot * BAR_FILL);
  const parts: string[] = [];
  for (let i = 0; i < values.length; i++) {
    const raw = values[i]!;
    const value = Number.isFinite(raw) ? Math.min(1, Math.max(0, raw)) : 0;
    const height = Math.max(MIN_BAR, value * VIEW_HEIGHT);
    parts.push(`M${round(i * slot + (slot - width) / 2)} ${round((VIEW_HEIGHT - height) / 2)}h${width}v${round(height)}h-${width}z`);
  }
  return parts.join('');
}

/** The mini waveform of `values` (stretched to its box), or a flat line when there are none. */
export function miniWaveform(values: readonly number[] | undefined): TemplateResult {
  const bars = values && values.length > 0 ? values : new Array<number>(50).fill(0);
  return html`<svg part="waveform" class="waveform" viewBox="0 0 100 40" preserveAspectRatio="none" aria-hidden="true" focusable="false">${svg`<path d=${overviewPath(bars)} fill="currentColor"></path>`}</svg>`;
}
