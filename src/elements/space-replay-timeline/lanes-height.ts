/** The speaker lanes' geometry, which the player's template needs before the drawing code loads. */

/** Height of one speaker row, CSS pixels. */
export const ROW_HEIGHT = 6;
/** Height of the overview strip, CSS pixels. */
export const OVERVIEW_HEIGHT = 28;

/** The CSS height the lanes need for `rows` rows (and an overview strip). */
export function lanesHeight(rows: number, overview: boolean): number {
  return Math.max(1, rows) * (ROW_HEIGHT + 2) + (overview ? OVERVIEW_HEIGHT + 4 : 0);
}
