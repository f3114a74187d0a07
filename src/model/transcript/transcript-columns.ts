/**
 * The shape of a transcript's stored columns, apart from the `Transcript` class that holds them,
 * so the search index can read the columns without importing the class that builds the index.
 */

/** A speaker: the label from the file and, when matched, the manifest participant id. */
export interface Speaker {
  /** The name or voice label as written in the transcript file. */
  readonly label: string;
  /** The manifest participant this speaker matched, if any. */
  readonly participantId?: string;
}

/**
 * The stored columns of a transcript. Invariants (kept by the builder): cues sorted by start;
 * each cue owns words `cueFirstWord[i] .. cueFirstWord[i+1]`; word starts and ends are both
 * non-decreasing and words never overlap; `cueText[i]` is its words joined by single spaces.
 */
export interface TranscriptColumns {
  /** Cue → start time in seconds. */
  readonly cueStart: Float64Array;
  /** Cue → end time in seconds (exclusive). */
  readonly cueEnd: Float64Array;
  /** Index into `speakers`, -1 when the cue has no speaker. */
  readonly cueSpeaker: Int32Array;
  /** Cue → plain text: its words joined by single spaces. */
  readonly cueText: readonly string[];
  /** Cue → index of its first word; length is cue count + 1. */
  readonly cueFirstWord: Uint32Array;
  /** 1 when the cue's word times came from the file, 0 when they are interpolated (approximate). */
  readonly cueWordTimed: Uint8Array;
  /** Word → start time in seconds. */
  readonly wordStart: Float64Array;
  /** Word → end time in seconds (exclusive). */
  readonly wordEnd: Float64Array;
  /** Word → its cue. */
  readonly wordCue: Uint32Array;
  /**
   * Word → offset (UTF-16 units) of its first character in its cue's text. A word's text is not
   * stored on its own: it runs from here to the next word's offset less one (the space), or to the
   * end of the cue text (see `Transcript.word`).
   */
  readonly wordOffset: Uint32Array;
  /** Speakers referenced by `cueSpeaker`. */
  readonly speakers: readonly Speaker[];
  /** BCP 47 language tag, when known. */
  readonly language?: string | undefined;
}
