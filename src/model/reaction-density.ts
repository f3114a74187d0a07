/**
 * Reactions as a density, for a heat-map strip rather than one mark per reaction (a 4-hour room
 * can hold 100,000). Reaction times are kept sorted with a cumulative count per
 * {@link DENSITY_CELL_SECONDS} cell: the number of reactions before any time is one table read plus
 * a binary search inside one cell, so bins of any width, at any zoom, cost O(bins). Pure: no DOM.
 */

import { lowerBound } from './binary-search.js';

/** Resolution of the cumulative table, seconds. */
export const DENSITY_CELL_SECONDS = 1;

/** How many reactions of one emoji. */
export interface EmojiCount {
  emoji: string;
  count: number;
}

/** Reaction counts in equal bins over a time range. */
export interface DensityBins {
  /** Start of the first bin, seconds. */
  from: number;
  /** Width of each bin, seconds. */
  binSeconds: number;
  /** Reactions per bin: `counts[i]` covers `[from + i × binSeconds, from + (i + 1) × binSeconds)`. */
  counts: Uint32Array;
  /** The largest count (0 when there is none): the scale of a heat map. */
  max: number;
  /** All reactions in the range. */
  total: number;
}

/** An index of reaction times; see the module comment. */
export class ReactionDensity {
  /** Reaction times, ascending. */
  readonly times: Float64Array;
  /** The emojis, by how often they were used (most first). */
  readonly emojis: readonly string[];
  private readonly cumulative: Uint32Array;
  /** The emoji of each reaction, as an index into `names`. */
  private readonly codes: Uint16Array | Uint32Array;
  private readonly names: readonly string[];

  /** `times` ascending; `emojis[i]` is the emoji of reaction i. */
  constructor(times: Float64Array, emojis: readonly string[]);
  /** `times` ascending; `codes[i]` indexes `names` for reaction i (what the room index builds, without a string per reaction). */
  constructor(times: Float64Array, codes: Uint16Array | Uint32Array, names: readonly string[]);
  constructor(times: Float64Array, emojis: readonly string[] | Uint16Array | Uint32Array, names?: readonly string[]) {
    this.times = times;
    if (emojis instanceof Uint16Array || emojis instanceof Uint32Array) {
      this.codes = emojis;
      this.names = names ?? [];
    } else {
      const index = new Map<string, number>();
      const codes = new Uint32Array(times.length);
      for (let i = 0; i < times.length; i++) {
        let code = index.get(emojis[i]!);
        if (code === undefined) index.set(emojis[i]!, (code = index.size));
        codes[i] = code;
      }
      this.codes = codes;
      this.names = [...index.keys()];
    }
    const counts = this.countCodes(0, times.length);
    this.emojis = this.names.map((_, i) => i).sort((a, b) => counts[b]! - counts[a]!).map((i) => this.names[i]!);
    const last = times.length > 0 ? times[times.length - 1]! : 0;
    const cells = Math.floor(last / DENSITY_CELL_SECONDS) + 2;
    // cumulative[c]: reactions before cell c starts. One pass, since the times are sorted.
    this.cumulative = new Uint32Array(cells + 1);
    let r = 0;
    for (let c = 0; c <= cells; c++) {
      const start = c * DENSITY_CELL_SECONDS;
      while (r < times.length && times[r]! < start) r++;
      this.cumulative[c] = r;
    }
  }

  /** Number of reactions in all. */
  get count(): number {
    return this.times.length;
  }

  /** Reactions before `time` (strictly). */
  countBefore(time: number): number {
    if (!(time > 0)) return 0;
    let cell = Math.floor(time / DENSITY_CELL_SECONDS);
    // The division can round across a cell edge; the table was built with c × cell as each start.
    if (cell * DENSITY_CELL_SECONDS > time) cell--;
    else if ((cell + 1) * DENSITY_CELL_SECONDS <= time) cell++;
    if (cell >= this.cumulative.length - 1) return this.times.length;
    return lowerBound(this.times, time, this.cumulative[cell]!, this.cumulative[cell + 1]!);
  }

  /** Reactions in `[from, to)`. */
  countBetween(from: number, to: number): number {
    return to > from ? this.countBefore(to) - this.countBefore(from) : 0;
  }

  /** Reaction counts in `bins` equal bins over `[from, to)`. */
  bins(from: number, to: number, bins: number): DensityBins {
    const n = Number.isFinite(bins) && bins > 0 ? Math.floor(bins) : 0;
    const counts = new Uint32Array(n);
    const binSeconds = n > 0 && to > from ? (to - from) / n : 0;
    let max = 0;
    let before = this.countBefore(from);
    const first = before;
    for (let i = 0; i < n; i++) {
      const next = this.countBefore(from + (i + 1) * binSeconds);
      counts[i] = next - before;
      if (counts[i]! > max) max = counts[i]!;
      before = next;
    }
    return { from, binSeconds, counts, max, total: before - first };
  }

  /**
   * The `limit` most used emojis in `[from, to)`, with their counts, most first. O(reactions in the
   * range): it is for a text summary when the range changes, not for every frame.
   */
  topEmojis(from: number, to: number, limit = 3): EmojiCount[] {
    const counts = this.countCodes(this.countBefore(from), to > from ? this.countBefore(to) : this.countBefore(from));
    const out: EmojiCount[] = [];
    counts.forEach((count, code) => {
      if (count > 0) out.push({ emoji: this.names[code]!, count });
    });
    return out.sort((a, b) => b.count - a.count).slice(0, Math.max(0, limit));
  }

  private countCodes(lo: number, hi: number): Uint32Array {
    const counts = new Uint32Array(this.names.length);
    for (let i = lo; i < hi; i++) counts[this.codes[i]!]++;
    return counts;
  }
}
