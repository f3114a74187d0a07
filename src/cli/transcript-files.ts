/**
 * A recording folder's transcript files, by format: which format a file is (from the manifest's
 * type or the file name), and writing a transcript back in that format after a redaction. WebVTT,
 * normalized JSON and plain text use the transcript model's writers; SRT and Podcasting 2.0 JSON
 * are written here (SRT as SubRip writes it: numbered blocks, `HH:MM:SS,mmm`; a speaker as a
 * `Name: ` prefix, which the importer reads back as the speaker).
 */
import { toNormalizedJson, toPlainText, toWebVTT, type Transcript } from '../model/transcript/index.js';

/** The formats a transcript file in a recording folder can have. */
export type TranscriptFileFormat = 'vtt' | 'srt' | 'normalized-json' | 'podcast-json' | 'text';

/** The format of a transcript file: the manifest type when known, else the extension; JSON is told apart by its content. */
export function transcriptFileFormat(type: string | undefined, fileName: string, text: string): TranscriptFileFormat | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (type === 'text/vtt' || (!type && ext === 'vtt')) return 'vtt';
  if (type === 'application/x-subrip' || (!type && ext === 'srt')) return 'srt';
  if (type === 'application/json' || (!type && ext === 'json')) {
    return /"format"\s*:\s*"space-replay-transcript"/.test(text.slice(0, 4096)) ? 'normalized-json' : 'podcast-json';
  }
  if (!type && ext === 'txt') return 'text';
  return undefined;
}

/** The transcript as the text of a file of `format`. */
export function writeTranscriptFile(transcript: Transcript, format: TranscriptFileFormat): string {
  switch (format) {
    case 'vtt':
      return `${toWebVTT(transcript).trimEnd()}\n`;
    case 'normalized-json':
      return JSON.stringify(toNormalizedJson(transcript));
    case 'podcast-json':
      return JSON.stringify(toPodcastJson(transcript));
    case 'srt':
      return toSrt(transcript);
    case 'text':
      return toPlainText(transcript);
  }
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function srtTime(seconds: number): string {
  const ms = Math.round(seconds * 1000);
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)},${pad(ms % 1000, 3)}`;
}

/** SubRip text, one block per cue. */
export function toSrt(transcript: Transcript): string {
  const blocks: string[] = [];
  for (let i = 0; i < transcript.cueCount; i++) {
    const speaker = transcript.cueSpeaker[i]!;
    // A blank line ends an SRT block, so a cue's text stays on one line.
    const text = transcript.cueText[i]!.replace(/\s*\n\s*/g, ' ');
    const prefix = speaker >= 0 ? `${transcript.speakers[speaker]!.label}: ` : '';
    blocks.push(`${i + 1}\n${srtTime(transcript.cueStart[i]!)} --> ${srtTime(transcript.cueEnd[i]!)}\n${prefix}${text}\n`);
  }
  return blocks.join('\n');
}

/** A Podcasting 2.0 JSON transcript: one segment per cue, the speaker's name as `speaker`. */
export function toPodcastJson(transcript: Transcript): { version: string; segments: { speaker?: string; startTime: number; endTime: number; body: string }[] } {
  const round = (s: number) => Math.round(s * 1000) / 1000;
  const segments = [];
  for (let i = 0; i < transcript.cueCount; i++) {
    const speaker = transcript.cueSpeaker[i]!;
    segments.push({
      ...(speaker >= 0 ? { speaker: transcript.speakers[speaker]!.label } : {}),
      startTime: round(transcript.cueStart[i]!),
      endTime: round(transcript.cueEnd[i]!),
      body: transcript.cueText[i]!,
    });
  }
  return { version: '1.0.0', segments };
}
