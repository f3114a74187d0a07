/**
 * Heights of the transcript's blocks with O(log n) prefix sums, updates and offset → block lookup
 * (a Fenwick tree). Rendered blocks replace their estimate with a measured height; the offsets of
 * everything below move with it, without an O(n) pass.
 */

/** Block heights (px) indexed for offsets. */
export class HeightIndex {
  private readonly tree: Float64Array;
  private readonly values: Float64Array;
  private readonly highBit: number;

  /** Indexes `heights` (copied); O(n). */
  constructor(heights: ArrayLike<number>) {
    const n = heights.length;
    this.values = Float64Array.from(heights);
    this.tree = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const at = i + 1;
      this.tree[at]! += this.values[i]!;
      const parent = at + (at & -at);
      if (parent <= n) this.tree[parent]! += this.tree[at]!;
    }
    let bit = 1;
    while (bit * 2 <= n) bit *= 2;
    this.highBit = n > 0 ? bit : 0;
  }

  /** Number of blocks. */
  get size(): number {
    return this.values.length;
  }

  /** Sum of all heights. */
  get total(): number {
    return this.offsetOf(this.values.length);
  }

  /** Height of block `i`. */
  get(i: number): number {
    return this.values[i] ?? 0;
  }

  /** Sets the height of block `i`; O(log n). */
  set(i: number, height: number): void {
    const delta = height - this.values[i]!;
    if (delta === 0) return;
    this.values[i] = height;
    for (let at = i + 1; at < this.tree.length; at += at & -at) this.tree[at]! += delta;
  }

  /** Top of block `i`: the sum of the heights before it; O(log n). */
  offsetOf(i: number): number {
    let sum = 0;
    for (let at = Math.min(i, this.values.length); at > 0; at -= at & -at) sum += this.tree[at]!;
    return sum;
  }

  /** The block at `offset` px from the top (the last one whose top is at or above it), clamped to the blocks; O(log n). */
  indexAt(offset: number): number {
    const n = this.values.length;
    if (n === 0) return -1;
    let at = 0;
    let rest = offset;
    for (let bit = this.highBit; bit > 0; bit >>= 1) {
      const next = at + bit;
      if (next <= n && this.tree[next]! <= rest) {
        at = next;
        rest -= this.tree[next]!;
      }
    }
    // `at` blocks fit entirely at or above the offset: the block at the offset is the next one.
    return Math.min(at, n - 1);
  }
}
