/**
 * participants.json: the people in the room and their consent, in the manifest's participant
 * shape, given as an array or as `{ "participants": [...] }`.
 */
import type * as v from 'valibot';
import { ParticipantSchema } from '../manifest/schema.js';
import { readSchemaList } from './json-input.js';
import type { Outcome } from './outcome.js';

/** A participant as read from participants.json (role still free text; the manifest check warns on unknown roles). */
export type InputParticipant = v.InferOutput<typeof ParticipantSchema>;

/** Reads and checks participants.json; errors name the file and the JSON path (`participants[1].consent.clip`). */
export function readParticipantsFile(path: string, label = path): Promise<Outcome<InputParticipant[]>> {
  return readSchemaList(path, label, 'participants', ParticipantSchema);
}

/**
 * An id for a speaker label that matches no participant (`--unknown-speakers speaker`): the label
 * reduced to id characters, made unique against `taken`.
 */
export function idForLabel(label: string, taken: ReadonlySet<string>): string {
  const base = label.normalize('NFKD').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 56) || 'speaker';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}
