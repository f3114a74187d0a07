/**
 * chapters.json (Podcasting 2.0 JSON chapters, version 1.2) and clips.json (host highlights)
 * inputs of `pack`.
 *
 * JSON chapters 1.2: `{version, chapters: [{startTime, title?, img?, url?, toc?, endTime?,
 * location?}]}`. What the player shows is kept: each chapter's start, title, end, art and link. A
 * chapter with `toc: false` is a silent marker (for art or location changes) that the spec keeps
 * out of the chapter list, and a chapter without a title has nothing to show in the chapter menu:
 * both are left out. So are `location` and fields outside the spec, which the player does not use.
 * Each of these is reported as a notice; a field of a wrong type is an error naming its path.
 */
import type * as v from 'valibot';
import { ChapterSchema, ChaptersDataSchema, ClipSchema } from '../manifest/schema.js';
import { readJsonFile } from './json-file.js';
import { checkAgainst, readSchemaList } from './json-input.js';
import { fail, ok, type Outcome } from './outcome.js';

/** Podcasting 2.0 JSON chapters: `{ "version": "1.2.0", "chapters": [{ "startTime": 0, "title": "…" }] }`. */
export type ChaptersInput = v.InferOutput<typeof ChaptersDataSchema>;
/** A host clip: `{ "id", "startTime", "endTime", "title"?, "createdBy"?, "createdAt"? }`. */
export type ClipInput = v.InferOutput<typeof ClipSchema>;
type Chapter = v.InferOutput<typeof ChapterSchema>;

/** The chapters to pack (none when every chapter was left out) and what was left out. */
export interface ChaptersRead {
  chapters?: ChaptersInput;
  notices: string[];
}

/** Chapter fields the player uses; `toc` is read here and not kept. */
const KEPT_FIELDS = new Set(['startTime', 'title', 'img', 'url', 'endTime']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `chapters[1], chapters[4] and 3 more`. */
function listPaths(paths: readonly string[]): string {
  const shown = paths.slice(0, 5).join(', ');
  return paths.length > 5 ? `${shown} and ${paths.length - 5} more` : shown;
}

/** Reads a Podcasting 2.0 JSON chapters file into the chapters the player shows. */
export async function readChaptersFile(path: string, label = path): Promise<Outcome<ChaptersRead>> {
  const json = await readJsonFile(path, label);
  if (!json.ok) return json;
  const root = json.value;
  if (!isObject(root) || !Array.isArray(root['chapters'])) {
    return fail(`${label}: expected Podcasting 2.0 JSON chapters: {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…"}]}`);
  }
  const silent: string[] = [];
  const untitled: string[] = [];
  const unused: string[] = [];
  const chapters: Chapter[] = [];
  const list: unknown[] = root['chapters'];
  for (let i = 0; i < list.length; i++) {
    const at = `chapters[${i}]`;
    const entry = list[i];
    if (isObject(entry)) {
      if (entry['toc'] !== undefined && typeof entry['toc'] !== 'boolean') return fail(`${label}: ${at}.toc: expected true or false`);
      if (entry['toc'] === false) {
        silent.push(at);
        continue;
      }
      if (entry['title'] === undefined) {
        untitled.push(at);
        continue;
      }
    }
    const kept = isObject(entry) ? Object.fromEntries(Object.entries(entry).filter(([key]) => KEPT_FIELDS.has(key))) : entry;
    if (isObject(entry)) for (const key of Object.keys(entry)) if (!KEPT_FIELDS.has(key) && key !== 'toc') unused.push(`${at}.${key}`);
    const checked = checkAgainst(ChapterSchema, kept, label, at);
    if (!checked.ok) return checked;
    chapters.push(checked.value);
  }
  const notices: string[] = [];
  if (silent.length > 0) notices.push(`${label}: left out ${listPaths(silent)}: silent chapter markers (toc: false) are not listed`);
  if (untitled.length > 0) notices.push(`${label}: left out ${listPaths(untitled)}: no title to show in the chapter menu`);
  if (unused.length > 0) notices.push(`${label}: left out ${listPaths(unused)}: not used by the player`);
  if (chapters.some((chapter, i) => i > 0 && chapter.startTime < chapters[i - 1]!.startTime)) {
    // The spec assumes start order, and the manifest requires it.
    chapters.sort((a, b) => a.startTime - b.startTime);
    notices.push(`${label}: chapters sorted by startTime`);
  }
  if (chapters.length === 0) return ok({ notices: [...notices, `${label}: no chapter to show: packed without chapters`] });
  const data = checkAgainst(ChaptersDataSchema, { version: root['version'], chapters }, label);
  return data.ok ? ok({ chapters: data.value, notices }) : data;
}

/** Reads and checks clips.json: an array of clips, or `{ "clips": [...] }`. */
export function readClipsFile(path: string, label = path): Promise<Outcome<ClipInput[]>> {
  return readSchemaList(path, label, 'clips', ClipSchema);
}
