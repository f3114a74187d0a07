/** A one-line progress bar on stderr, drawn only when stderr is a terminal. */
import type { CliIo } from './cli-io.js';

/** Receives progress in seconds of audio processed; `done` clears the line. */
export interface ProgressBar {
  update(seconds: number): void;
  done(): void;
}

const WIDTH = 30;

/** A progress bar for a job over `total` seconds of audio; silent when `io.isTTY` is false. */
export function createProgressBar(io: CliIo, label: string, total: number): ProgressBar {
  if (!io.isTTY || !(total > 0)) return { update() {}, done() {} };
  // Its own control sequences bypass the terminalSafe filter of io.stderr.
  const terminal = io.terminal ?? io.stderr;
  let shown = -1;
  let drawn = false;
  return {
    update(seconds) {
      const fraction = Math.min(1, Math.max(0, seconds / total));
      const permille = Math.floor(fraction * 1000);
      // ffmpeg reports many times a second; redraw only when the text would change.
      if (permille === shown) return;
      shown = permille;
      drawn = true;
      const filled = Math.round(fraction * WIDTH);
      const bar = '#'.repeat(filled) + '-'.repeat(WIDTH - filled);
      terminal.write(`\r\x1b[2K${label} [${bar}] ${(fraction * 100).toFixed(1)}%`);
    },
    done() {
      if (drawn) terminal.write('\r\x1b[2K');
    },
  };
}
