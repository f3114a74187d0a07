/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal:
 * `encoding [#########--------]  52.3% ETA 0:41`. The line is fitted to the terminal's width at
 * each redraw (a line that wraps cannot be cleared with one carriage return and leaves stale
 * rows), the bar shrinking first, then the ETA, then the bar going.
 */
import { formatTime } from '../model/time.js';
import type { CliIo } from './cli-io.js';

/** Receives progress in seconds of audio processed; `done` clears the line. */
export interface ProgressBar {
  update(seconds: number): void;
  done(): void;
}

/** The widest the bar itself gets, in characters. */
const MAX_BAR = 30;
/** Narrower than this, the bar is left out and only the label, percentage and ETA are shown. */
const MIN_BAR = 5;
/** Width assumed when the terminal does not say (and `COLUMNS` is unset). */
const DEFAULT_COLUMNS = 80;
/** No ETA before this much wall time: the first reports of ffmpeg say little about its speed. */
const ETA_AFTER_MS = 1000;

/** Options of {@link createProgressBar}. */
export interface ProgressOptions {
  /** The clock, ms (default `performance.now`); injected by tests. */
  now?: () => number;
  /** The environment, for `COLUMNS` (default `process.env`). */
  env?: Record<string, string | undefined>;
}

/**
 * The terminal's width: what the terminal reports (`io.columns`), else `COLUMNS` from the
 * environment, else 80.
 */
export function terminalColumns(io: CliIo, env: Record<string, string | undefined> = process.env): number {
  const reported = io.columns?.();
  if (reported !== undefined && reported > 0) return reported;
  const fromEnv = Number.parseInt(env['COLUMNS'] ?? '', 10);
  return fromEnv > 0 ? fromEnv : DEFAULT_COLUMNS;
}

/** The progress line for `fraction` done, at most `width` characters long. */
export function progressLine(label: string, fraction: number, etaSeconds: number | undefined, width: number): string {
  const percent = `${(fraction * 100).toFixed(1).padStart(5)}%`;
  const eta = etaSeconds === undefined ? '' : ` ETA ${formatTime(Math.ceil(etaSeconds))}`;
  // `label [bar] percent eta`: 4 characters of brackets and spaces around the bar.
  const room = width - label.length - percent.length - eta.length - 4;
  if (room >= MIN_BAR) {
    const size = Math.min(MAX_BAR, room);
    const filled = Math.round(fraction * size);
    return `${label} [${'#'.repeat(filled)}${'-'.repeat(size - filled)}] ${percent}${eta}`;
  }
  const plain = `${label} ${percent.trimStart()}`;
  return (plain.length + eta.length <= width ? `${plain}${eta}` : plain).slice(0, Math.max(0, width));
}

/** A progress bar for a job over `total` seconds of audio; silent when `io.isTTY` is false. */
export function createProgressBar(io: CliIo, label: string, total: number, options: ProgressOptions = {}): ProgressBar {
  if (!io.isTTY || !(total > 0)) return { update() {}, done() {} };
  const terminal = io.terminal ?? io.stderr;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let shown = '';
  return {
    update(seconds) {
      const fraction = Math.min(1, Math.max(0, seconds / total));
      const elapsed = now() - started;
      const eta = elapsed >= ETA_AFTER_MS && fraction > 0 ? ((elapsed / fraction) * (1 - fraction)) / 1000 : undefined;
      // One column is left free: writing the last one makes some terminals wrap on the next character.
      const line = progressLine(label, fraction, eta, terminalColumns(io, options.env) - 1);
      // ffmpeg reports twice a second; redraw only when the text changes.
      if (line === shown) return;
      shown = line;
      terminal.write(`\r\x1b[2K${line}`);
    },
    done() {
      if (shown !== '') terminal.write('\r\x1b[2K');
      shown = '';
    },
  };
}
