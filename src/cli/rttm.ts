/**
 * RTTM diarization files (`SPEAKER <file> <chan> <onset> <duration> <NA> <NA> <label> <NA> <NA>`),
 * as written by pyannote and NIST tools. One file may hold the turns of several recordings, told
 * apart by the file id in field 2.
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
  /** The recording the turn belongs to (field 2). */
  fileId: string;
}

// Other RTTM record types carry no speaker turns; they are skipped rather than rejected.
const OTHER_TYPES = new Set(['SPKR-INFO', 'SEGMENT', 'NOSCORE', 'NON-SPEECH', 'NON-LEX', 'LEXEME', 'A/P', 'EXPLICIT', 'STYPE']);
// Seconds as RTTM writers print them: plain decimals. Number() would also take `0x2`, `1e3` or `Infinity`.
const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)$/;

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
    const [onset, length] = [fields[3]!, fields[4]!];
    const start = Number(onset);
    const duration = Number(length);
    if (!DECIMAL.test(onset)) return fail(`${where}: onset '${onset}' is not a non-negative number of seconds`);
    if (!DECIMAL.test(length) || duration <= 0) {
      return fail(`${where}: duration '${length}' is not a positive number of seconds`);
    }
    const speaker = fields[7]!;
    if (speaker === '<NA>') return fail(`${where}: the speaker label (field 8) is missing`);
    turns.push({ label: speaker, start, end: start + duration, line: index + 1, fileId: fields[1]! });
  }
  // Stable sort keeps file order for turns that start together.
  turns.sort((a, b) => a.start - b.start);
  return ok(turns);
}

/** Which recording of a multi-recording RTTM to use. */
export interface RttmRecordingChoice {
  /** `--rttm-file-id`: the file id to keep. */
  fileId?: string | undefined;
  /** The audio's file name without its extension, tried when no file id is given. */
  audioName: string;
}

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, 5).map((id) => JSON.stringify(id)).join(', ');
  return ids.length > 5 ? `${shown}, … (${ids.length} in all)` : shown;
}

/**
 * The turns of one recording. A file with one file id is used whole (unless `--rttm-file-id`
 * names another). With several, `--rttm-file-id` picks one, or else the one named exactly like
 * the audio; otherwise the file is refused, since laying several recordings' turns over one
 * audio would attribute the wrong voices.
 */
export function pickRttmRecording(turns: readonly RttmTurn[], label: string, choice: RttmRecordingChoice): Outcome<{ turns: RttmTurn[]; notice?: string }> {
  // in file order, as the user sees them
  const ids = [...new Set([...turns].sort((a, b) => a.line - b.line).map((turn) => turn.fileId))];
  const only = (id: string) => turns.filter((turn) => turn.fileId === id);
  if (choice.fileId !== undefined) {
    if (!ids.includes(choice.fileId)) {
      return fail(`${label}: no turn has the file id ${JSON.stringify(choice.fileId)} given by --rttm-file-id; the file ids in it are ${listIds(ids)}`);
    }
    return ok({ turns: only(choice.fileId) });
  }
  if (ids.length <= 1) return ok({ turns: [...turns] });
  if (ids.includes(choice.audioName)) {
    return ok({
      turns: only(choice.audioName),
      notice: `${label}: holds ${ids.length} recordings; using the turns of file id ${JSON.stringify(choice.audioName)}, the audio's name`,
    });
  }
  return fail(
    `${label}: holds the turns of ${ids.length} recordings (file ids ${listIds(ids)}) and none is named like the audio ` +
      `(${JSON.stringify(choice.audioName)}); pick one with --rttm-file-id <id>`,
  );
}

/** Reads and parses an RTTM file. */
export async function readRttmFile(path: string, label = path): Promise<Outcome<RttmTurn[]>> {
  const text = await readInputText(path, label);
  return text.ok ? parseRttm(text.value, label) : text;
}
