/**
 * Fetching and importing a recording's transcript, trying the manifest's transcripts in order
 * (transcript-choice.ts) until one reads. A chunk of its own (the importers are most of it),
 * fetched only when a part shows the transcript.
 */

import { withDeadline } from '../../controllers/deadlines.js';
import type { Manifest } from '../../manifest/types.js';
import { importTranscript, type Transcript } from '../../model/transcript/index.js';
import { nextTask } from '../player-state/next-task.js';
import { transcriptsInOrder } from './transcript-choice.js';

/** What loading gave. */
export interface LoadedTranscript {
  /** The first transcript that could be read, if any. */
  transcript: Transcript | undefined;
  /** Lines its importer skipped. */
  skipped: number;
  /** The manifest lists transcripts and none could be read. */
  unavailable: boolean;
  /** How long the import took, ms (the benchmark and tests report it). */
  importMs: number;
}

/** Loads the best transcript of `manifest` for UI language `lang` (each file within `seconds`); null once `signal` aborted. */
export async function loadTranscript(manifest: Manifest, lang: string, signal: AbortSignal, seconds: number): Promise<LoadedTranscript | null> {
  const choices = transcriptsInOrder(manifest.transcripts ?? [], lang, manifest.language);
  for (const choice of choices) {
    const where = choice.url ?? '(inline)';
    try {
      let input: unknown = choice.data;
      if (input === undefined) {
        const deadline = withDeadline(signal, seconds);
        try {
          const response = await fetch(choice.url!, { signal: deadline.signal });
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          // JSON is parsed by the browser (Response.json), so the import itself only builds the columns.
          input = choice.type === 'application/json' ? await response.json() : await response.text();
        } catch (error) {
          throw deadline.timedOut ? new Error(`no answer within ${seconds} s`) : error;
        } finally {
          deadline.clear();
        }
      }
      if (signal.aborted) return null;
      await nextTask();
      const started = performance.now();
      const result = importTranscript(input, {
        type: choice.type,
        participants: manifest.participants,
        ...(choice.language ? { language: choice.language } : {}),
      });
      const importMs = performance.now() - started;
      if (signal.aborted) return null;
      if (result.ok) return { transcript: result.transcript, skipped: result.skipped.length, unavailable: false, importMs };
      console.warn(`space-replay: transcript ${where}: ${result.error}`);
    } catch (error) {
      if (signal.aborted) return null;
      console.warn(`space-replay: transcript ${where}: ${String(error)}`);
    }
    // This one failed: try the next; "unavailable" shows only once none could be read.
  }
  return { transcript: undefined, skipped: 0, unavailable: choices.length > 0, importMs: 0 };
}
