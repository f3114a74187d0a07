/** chapters.json (Podcasting 2.0 JSON chapters) and clips.json (host highlights) inputs of `pack`. */
import type * as v from 'valibot';
import { ChaptersDataSchema, ClipSchema } from '../manifest/schema.js';
import { readJsonFile } from './json-file.js';
import { checkAgainst, readSchemaList } from './json-input.js';
import type { Outcome } from './outcome.js';

/** Podcasting 2.0 JSON chapters: `{ "version": "1.2.0", "chapters": [{ "startTime": 0, "title": "…" }] }`. */
export type ChaptersInput = v.InferOutput<typeof ChaptersDataSchema>;
/** A host clip: `{ "id", "startTime", "endTime", "title"?, "createdBy"?, "createdAt"? }`. */
export type ClipInput = v.InferOutput<typeof ClipSchema>;

/** Reads and checks a Podcasting 2.0 chapters file. */
export async function readChaptersFile(path: string, label = path): Promise<Outcome<ChaptersInput>> {
  const json = await readJsonFile(path, label);
  return json.ok ? checkAgainst(ChaptersDataSchema, json.value, label) : json;
}

/** Reads and checks clips.json: an array of clips, or `{ "clips": [...] }`. */
export function readClipsFile(path: string, label = path): Promise<Outcome<ClipInput[]>> {
  return readSchemaList(path, label, 'clips', ClipSchema);
}
