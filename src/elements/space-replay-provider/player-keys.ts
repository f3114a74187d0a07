/**
 * The player's keyboard shortcuts, handled on the provider for every part inside it: Space and K
 * play or pause, J and L skip, the arrows skip 5 s, N and P walk the speaker turns, M mutes,
 * `,` and `.` change the rate, `?` shows the help. Form controls keep their own keys.
 */

/** What the shortcuts act on. */
export interface ShortcutTarget {
  /** Seconds `j` goes back. */
  readonly skipBack: number;
  /** Seconds `l` goes forward. */
  readonly skipForward: number;
  /** Whether the help is open (Escape closes it). */
  readonly helpOpen: boolean;
  /** Plays or pauses. */
  toggle(): void;
  /** Seeks by `seconds`. */
  skip(seconds: number): void;
  /** Goes to the next or previous speaker turn. */
  turn(direction: 1 | -1): void;
  /** Mutes or unmutes. */
  toggleMute(): void;
  /** Steps the playback rate up or down. */
  stepRate(direction: 1 | -1): void;
  /** Opens or closes the help. */
  help(open: boolean): void;
}

/** Seconds the arrow keys skip (the timeline slider's arrows too). */
export const ARROW_SECONDS = 5;

/** Acts on `e` when it is a shortcut; returns whether it was (the caller prevents the default). */
export function handleShortcut(e: KeyboardEvent, target: ShortcutTarget): boolean {
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return false;
  const origin = e.composedPath()[0] as HTMLElement | undefined;
  const tag = origin?.localName ?? '';
  if (e.key === 'Escape' && target.helpOpen) {
    target.help(false);
    return true;
  }
  // Form controls keep their own keys (arrows on the volume slider, letters in a menu).
  if (tag === 'input' || tag === 'select' || tag === 'textarea' || origin?.isContentEditable) return false;
  switch (e.key.length === 1 ? e.key.toLowerCase() : e.key) {
    case ' ':
      // Space on a button or link presses it, once.
      if (tag === 'button' || tag === 'a') return false;
      target.toggle();
      return true;
    case 'k':
      target.toggle();
      return true;
    case 'j':
      target.skip(-target.skipBack);
      return true;
    case 'l':
      target.skip(target.skipForward);
      return true;
    case 'ArrowLeft':
      target.skip(-ARROW_SECONDS);
      return true;
    case 'ArrowRight':
      target.skip(ARROW_SECONDS);
      return true;
    case 'n':
      target.turn(1);
      return true;
    case 'p':
      target.turn(-1);
      return true;
    case 'm':
      target.toggleMute();
      return true;
    case ',':
    case '<':
      target.stepRate(-1);
      return true;
    case '.':
    case '>':
      target.stepRate(1);
      return true;
    case '?':
      target.help(!target.helpOpen);
      return true;
    default:
      return false;
  }
}
