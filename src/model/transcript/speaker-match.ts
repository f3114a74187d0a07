/**
 * Matching transcript speaker labels to manifest participants: a label equal to a participant
 * id wins, then a name equal up to case, diacritics and spacing; otherwise the label stays a
 * label and is reported as unmatched.
 */
import { foldText } from './fold-text.js';
import { cleanLabel } from './plain-text.js';

/** A manifest participant as far as speaker matching needs it. */
export interface Participant {
  readonly id: string;
  readonly name: string;
}

/** The speaker fields matching reads. */
export interface SpeakerLabel {
  readonly label: string;
  readonly participantId?: string | undefined;
}

/** Participant id per speaker (undefined when none) and the labels that matched nothing. */
export interface SpeakerMatch {
  participantIds: (string | undefined)[];
  /** Labels that matched no participant, each once, in speaker order; empty without participants. */
  unmatched: string[];
}

function nameKey(name: string): string {
  return foldText(cleanLabel(name));
}

/**
 * Matches speakers to participants. A speaker that already names a participant id keeps it when
 * no participants are given or the id is among them. Without participants nothing is unmatched.
 */
export function matchSpeakers(speakers: readonly SpeakerLabel[], participants?: readonly Participant[]): SpeakerMatch {
  if (!participants) {
    return { participantIds: speakers.map((s) => s.participantId), unmatched: [] };
  }
  const ids = new Set<string>();
  const byName = new Map<string, string>();
  for (const p of participants) {
    if (!p || typeof p.id !== 'string') continue;
    ids.add(p.id);
    if (typeof p.name === 'string') {
      const key = nameKey(p.name);
      if (key !== '' && !byName.has(key)) byName.set(key, p.id);
    }
  }
  const participantIds: (string | undefined)[] = [];
  const unmatched: string[] = [];
  const reported = new Set<string>();
  for (const speaker of speakers) {
    let id: string | undefined;
    if (speaker.participantId !== undefined && ids.has(speaker.participantId)) id = speaker.participantId;
    else if (ids.has(speaker.label)) id = speaker.label;
    else id = byName.get(nameKey(speaker.label));
    participantIds.push(id);
    if (id === undefined && !reported.has(speaker.label)) {
      reported.add(speaker.label);
      unmatched.push(speaker.label);
    }
  }
  return { participantIds, unmatched };
}
