/** Speakers' colours: eight custom properties (`--space-replay-speaker-1` to `-8`), then they repeat. */

const PALETTE_SIZE = 8;

/** The CSS colour of lane row `row` (a speaker's row in the order they are listed). */
export function speakerColor(row: number): string {
  return `var(--space-replay-speaker-${(row % PALETTE_SIZE) + 1})`;
}
