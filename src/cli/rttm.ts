/**
 * RTTM diarization files (`SPEAKER <file> <chan> <onset> <duration> <NA> <NA> <label> <NA> <NA>`),
 * as written by pyannote and NIST tools.
 */
import { readInputText } from './input-file.js';
import { fail, ok, type Outcome } from './outcome.js';

/** One diarized speaker turn, in seconds. */
export interface RttmTurn {
  label: string;
  start: number;
  end: number;
  /** 1-based line in the RTTM file, for error messages about the label. */
  line: number;
}

// Other RTTM record types carry no speaker turns; they are skipped rather than rejected.
const OTHER_TYPES = new Set(['SPKR-INFO', 'SEGMENT', 'NOSCORE', 'NON-SPEECH', 'NON-LEX', 'LEXEME', 'A/P', 'EXPLICIT', 'STYPE']);

/** Parses RTTM text into turns sorted by start; a malformed line fails with `label:line: …`. */
export function parseRttm(text: string, label: string): Outcome<RttmTurn[]> {
  const turns: RttmTurn[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    const where = `${label}:${index + 1}`;
    if (line === '' || line.startsWith(';;') || line.startsWith('#')) continue;
    const fields = line.split(/\s+/);
    const type = fields[0]!;
    if (OTHER_TYPES.has(type)) continue;
    if (type !== 'SPEAKER') return fail(`${where}: expected a SPEAKER line, found '${type}'`);
    if (fields.length < 8) {
      return fail(`${where}: a SPEAKER line needs at least 8 fields (type file channel onset duration NA NA label), found ${fields.length}`);
    }
    const start = Number(fields[3]);
    const duration = Number(fields[4]);
    if (fields[3] === '' || !Number.isFinite(start) || start < 0) {
      return fail(`${where}: onset '${fields[3]}' is not a non-negative number of seconds`);
    }
    if (!Number.isFinite(duration) || duration <= 0) {
      return fail(`${where}: duration '${fields[4]}' is not a positive number of seconds`);
    }
    const speaker = fields[7]!;
    if (speaker === '<NA>') return fail(`${where}: the speaker label (field 8) is missing`);
    turns.push({ label: speaker, start, end: start + duration, line: index + 1 });
  }
  // Stable sort keeps file order for turns that start together.
  turns.sort((a, b) => a.start - b.start);
  return ok(turns);
}

/** Reads and parses an RTTM file. */
export async function readRttmFile(path: string, label = path): Promise<Outcome<RttmTurn[]>> {
  const text = await readInputText(path, label);
  return text.ok ? parseRttm(text.value, label) : text;
}
