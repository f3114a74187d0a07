/**
 * The transcript as copied and downloaded: speakers under the names the panel shows, and the words
 * of redacted ranges replaced by one marker per run, so removed speech never leaves the page. Plain
 * text or WebVTT.
 */
import { buildTranscript, toPlainText, toWebVTT, type DraftCue, type Speaker, type Transcript } from '../../model/transcript/index.js';
import { copyText } from './copy-text.js';
import { downloadFile } from './download-file.js';

/**
 * `transcript` with `names[i]` as the label of speaker i and redacted word runs replaced by
 * `marker` (split into words); `transcript` itself when nothing changes.
 */
export function exportableTranscript(transcript: Transcript, names: readonly string[], redacted: Uint8Array | null, marker: string): Transcript {
  const renamed = transcript.speakers.some((s, i) => names[i] !== undefined && names[i] !== s.label);
  if (!renamed && !redacted) return transcript;
  const speakers: Speaker[] = transcript.speakers.map((s, i) => {
    const label = names[i] ?? s.label;
    return s.participantId !== undefined ? { label, participantId: s.participantId } : { label };
  });
  const markerWords = `[${marker}]`.split(/\s+/u).filter(Boolean);
  const drafts: DraftCue[] = [];
  const { cueStart, cueEnd, cueSpeaker, cueFirstWord, cueWordTimed, wordStart, wordEnd } = transcript;
  for (let c = 0; c < transcript.cueCount; c++) {
    const timed = cueWordTimed[c] === 1;
    const words: string[] = [];
    const starts: number[] = [];
    const ends: number[] = [];
    for (let w = cueFirstWord[c]!; w < cueFirstWord[c + 1]!; w++) {
      if (redacted && redacted[w]) {
        // One marker per run of removed words.
        if (w > cueFirstWord[c]! && redacted[w - 1]) continue;
        for (const m of markerWords) {
          words.push(m);
          starts.push(NaN);
          ends.push(NaN);
        }
        continue;
      }
      words.push(transcript.word(w));
      starts.push(wordStart[w]!);
      ends.push(wordEnd[w]!);
    }
    drafts.push({
      start: cueStart[c]!,
      end: cueEnd[c]!,
      speaker: cueSpeaker[c]!,
      words,
      ...(timed ? { wordStarts: starts, wordEnds: ends } : {}),
    });
  }
  return buildTranscript(drafts, { speakers, language: transcript.language }).transcript;
}

/** Copies `t` as plain text; resolves whether the browser took it. */
export function copyTranscript(t: Transcript): Promise<boolean> {
  return copyText(toPlainText(t));
}

/** Offers `t` as `name`.vtt or `name`.txt from `root`. */
export function downloadTranscript(root: ShadowRoot, name: string, vtt: boolean, t: Transcript): void {
  downloadFile(root, `${name}.${vtt ? 'vtt' : 'txt'}`, vtt ? 'text/vtt;charset=utf-8' : 'text/plain;charset=utf-8', vtt ? toWebVTT(t) : toPlainText(t));
}
