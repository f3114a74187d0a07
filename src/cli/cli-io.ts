/** Where a command writes and what it knows about its terminal; injected so tests run commands in-process. */
export interface CliIo {
  /** Normal output (summaries, JSON). */
  stdout: { write(text: string): unknown };
  /** Errors, warnings, notices and the progress bar. */
  stderr: { write(text: string): unknown };
  /** True when stderr is a terminal: enables the progress bar. */
  isTTY: boolean;
  /** The width of that terminal in columns, read at each redraw so a resize is followed. */
  columns?: () => number | undefined;
  /**
   * Where the progress bar draws its control sequences (default `stderr`). `run` sets it to the
   * caller's stderr and filters `stdout` and `stderr` through `terminalSafe`, so no text from a
   * file can carry control sequences of its own.
   */
  terminal?: { write(text: string): unknown };
  /** Aborted on Ctrl-C, SIGTERM or SIGHUP: long commands stop, remove their temp output and return `interrupted`. */
  signal?: AbortSignal;
  /** Base for relative paths (default `process.cwd()`). */
  cwd?: string;
  /** The current time (default `Date.now()`); injected so expiry texts are testable. */
  now?: () => number;
}

/** Exit codes shared by every command. */
export const ExitCode = {
  /** Success (warnings may have been printed). */
  ok: 0,
  /** Bad input or a failed operation (invalid manifest, undecodable audio, …). */
  failure: 1,
  /** Wrong usage: unknown command or flag, missing argument. */
  usage: 2,
  /** Interrupted (`signal` aborted); the executable turns it into 128 + the signal's number. */
  interrupted: 130,
} as const;
