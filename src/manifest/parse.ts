/**
 * `parseManifest`: reads a manifest (object or JSON text), checks it against the schema and every
 * rule, and returns a fresh, normalized manifest or every error found. It never throws.
 */

import * as v from 'valibot';
import { applyExtensions } from './extensions.js';
import { checkInlineEvents } from './events.js';
import { checkInlineTranscript } from './inline-transcript.js';
import { describeThrown, readDocumentObject, toPlainDocument } from './document-input.js';
import { IssueCollector } from './issues.js';
import {
  MAX_AUDIO_SOURCES,
  MAX_CHAPTERS,
  MAX_CLIPS,
  MAX_INLINE_CUES,
  MAX_INLINE_EVENTS,
  MAX_INLINE_WAVEFORM_VALUES,
  MAX_MANIFEST_TEXT_LENGTH,
  MAX_PARTICIPANTS,
  MAX_REDACTIONS,
  MAX_SEGMENTS,
  MAX_TRANSCRIPT_SPEAKERS,
  MAX_TRANSCRIPTS,
} from './limits.js';
import { resolveUrlsInPlace } from './manifest-urls.js';
import { normalizeManifest } from './normalize.js';
import { checkManifestRules } from './rules.js';
import { ManifestSchema } from './schema.js';
import type { InlineTranscript, Manifest, ParseOptions, ParseResult } from './types.js';
import { reportValibotIssues } from './valibot-issues.js';
import { unsupportedVersionMessage } from './version.js';

type Fields = Record<string, unknown>;

// Caps by array pattern, enforced before anything walks the items; schema.ts states the same caps
// as maxLength so that the JSON Schema carries them.
const ARRAY_CAPS: ReadonlyMap<string, number> = new Map([
  ['audio', MAX_AUDIO_SOURCES],
  ['participants', MAX_PARTICIPANTS],
  ['segments', MAX_SEGMENTS],
  ['redactions', MAX_REDACTIONS],
  ['clips', MAX_CLIPS],
  ['transcripts', MAX_TRANSCRIPTS],
  ['transcripts[].data.cues', MAX_INLINE_CUES],
  ['transcripts[].data.segments', MAX_INLINE_CUES],
  ['transcripts[].data.speakers', MAX_TRANSCRIPT_SPEAKERS],
  ['chapters.data.chapters', MAX_CHAPTERS],
  ['waveform.data.data', MAX_INLINE_WAVEFORM_VALUES],
  ['events.data', MAX_INLINE_EVENTS],
]);
// Inline cue and event arrays skip the generic walk: their loops read only known fields and copy them.
const HAND_OVER: ReadonlySet<string> = new Set(['transcripts[].data.cues', 'transcripts[].data.segments', 'events.data']);

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Validates a manifest v1 and returns `{ok: true, manifest, warnings}` or `{ok: false, errors,
 * warnings}`, each issue `{path, message}`. Never throws.
 *
 * - `input` is a manifest object or its JSON text (at most 5 MiB; syntax errors give line and column).
 * - Every error is collected: schema errors, then the rules of docs/manifest.md.
 * - The manifest returned is fresh plain data (never the input object), with `x-` keys kept,
 *   unknown keys dropped (one warning each), `application/x-mpegURL` and `application/srt` written
 *   canonically, unknown roles read as `speaker` (with a warning).
 * - With `options.baseUrl` (the manifest's own URL) every relative URL in the result is resolved
 *   to an absolute one.
 *
 * @example
 * const result = parseManifest(await response.text(), { baseUrl: response.url });
 * if (!result.ok) console.error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
 */
export function parseManifest(input: unknown, options: ParseOptions = {}): ParseResult {
  const issues = new IssueCollector();
  try {
    return parse(input, options, issues);
  } catch (e) {
    // Only a hostile object (a throwing getter, a revoked proxy) gets here.
    issues.error('', `the manifest could not be read: ${describeThrown(e)}`);
    return { ok: false, errors: issues.errors, warnings: issues.warnings };
  }
}

function parse(input: unknown, options: ParseOptions, issues: IssueCollector): ParseResult {
  const failure = (): ParseResult => ({ ok: false, errors: issues.errors, warnings: issues.warnings });
  const base = options?.baseUrl;
  const value = readDocumentObject(input, base, 'manifest', MAX_MANIFEST_TEXT_LENGTH, issues);
  if (!value) return failure();
  // Another major version may mean anything: checking it against v1 would only produce noise.
  const unsupported = unsupportedVersionMessage(Object.hasOwn(value, 'version') ? value.version : undefined);
  if (unsupported) {
    issues.error('version', unsupported);
    return failure();
  }

  const walked = toPlainDocument(value, issues, { caps: ARRAY_CAPS, handOver: HAND_OVER });
  if (!walked) return failure();
  const { plain } = walked;
  const parsed = v.safeParse(ManifestSchema, plain, { abortEarly: false });
  if (!parsed.success) reportValibotIssues(parsed.issues, issues, walked.alreadyReported);
  const output = (isObject(parsed.output) ? parsed.output : {}) as Fields;

  const d = plain.duration;
  const duration = typeof d === 'number' && d > 0 && !issues.failedAt('duration') ? d : undefined;
  const refs = Array.isArray(plain.transcripts) ? plain.transcripts : [];
  const outRefs = Array.isArray(output.transcripts) ? output.transcripts : [];
  const inline = refs.map((ref: unknown, i): InlineTranscript | undefined => {
    if (!isObject(ref) || !isObject(ref.data)) return undefined;
    const data = checkInlineTranscript(ref.data, `transcripts[${i}].data`, { duration }, issues);
    if (data && isObject(outRefs[i])) (outRefs[i] as Fields).data = data;
    return data;
  });

  const events = isObject(plain.events) ? plain.events.data : undefined;
  if (Array.isArray(events) && !issues.errorAt('events.data')) {
    const ids = Array.isArray(plain.participants) && !issues.errorAt('participants')
      ? new Set(plain.participants.flatMap((p: unknown) => (isObject(p) && typeof p.id === 'string' ? [p.id] : [])))
      : undefined;
    const checked = checkInlineEvents(events, 'events.data', { duration, participants: ids }, issues);
    if (isObject(output.events)) output.events.data = checked;
  }

  applyExtensions(ManifestSchema, plain, output, '', issues);
  checkManifestRules(output, issues, inline);
  normalizeManifest(output, issues);
  if (issues.hasErrors) return failure();

  if (base !== undefined) resolveUrlsInPlace(output, base);
  return { ok: true, manifest: output as unknown as Manifest, warnings: issues.warnings };
}
