/**
 * SubRip importer: cues from `caption-file.ts` (SRT block rules, commas as decimal points).
 * Speakers come from a `<v Name>` span or from a `Name:` prefix, which counts only when the same
 * name prefixes at least two cues or names a given participant (so a lone "Note: …" stays text).
 * A cue with neither keeps the speaker of the cue before it: podcast SRTs mark only the changes.
 */
import { readCaptionFile, type CaptionCue } from './caption-file.js';
import { foldText } from './fold-text.js';
import type { ReadResult } from './import-result.js';
import type { Participant } from './speaker-match.js';
import { SpeakerTable } from './speaker-table.js';
import type { DraftCue } from './transcript-builder.js';

/** At most this many words before the colon make a speaker name. */
const MAX_NAME_WORDS = 4;
const NAME = /^\p{L}[\p{L}\p{M}\p{N}.'’ -]*$/u;

/** The `Name:` prefix of a cue as [label, words it takes], or undefined. */
function namePrefix(cue: CaptionCue): [string, number] | undefined {
  const words = cue.words;
  for (let k = 0; k < Math.min(MAX_NAME_WORDS, words.length - 1); k++) {
    const word = words[k]!;
    if (word.endsWith(':')) {
      const label = [...words.slice(0, k), word.slice(0, -1)].join(' ');
      return label !== '' && NAME.test(label) ? [label, k + 1] : undefined;
    }
  }
  return undefined;
}

/** Reads an SRT file into draft cues. Never throws. */
export function readSrt(text: string, maxCues: number, participants?: readonly Participant[]): ReadResult {
  const file = readCaptionFile(text, 'srt', maxCues);
  if (!file.ok) return file;
  const prefixes = file.cues.map((cue) => (cue.voice === undefined ? namePrefix(cue) : undefined));
  const counts = new Map<string, number>();
  for (const prefix of prefixes) if (prefix) counts.set(prefix[0], (counts.get(prefix[0]) ?? 0) + 1);
  const known = new Set<string>();
  for (const p of participants ?? []) {
    if (typeof p?.id === 'string') known.add(p.id);
    if (typeof p?.name === 'string') known.add(foldText(p.name));
  }
  const accepted = (label: string) => (counts.get(label) ?? 0) >= 2 || known.has(label) || known.has(foldText(label));

  const table = new SpeakerTable();
  let speaker = -1;
  const cues: DraftCue[] = file.cues.map((cue, i) => {
    const prefix = prefixes[i];
    if (prefix && accepted(prefix[0])) {
      const [label, taken] = prefix;
      speaker = table.indexOf(label);
      return { start: cue.start, end: cue.end, speaker, words: cue.words.slice(taken), wordStarts: cue.wordStarts?.slice(taken) };
    }
    if (cue.voice !== undefined) speaker = table.indexOf(cue.voice);
    return { start: cue.start, end: cue.end, speaker, words: cue.words, wordStarts: cue.wordStarts };
  });
  return { ok: true, cues, speakers: table.speakers, skipped: file.skipped };
}
