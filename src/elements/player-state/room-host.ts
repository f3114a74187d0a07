/** Who hosts a room: named in the header and the operating system's media controls. */

import type { Participant } from '../../manifest/types.js';

/** The host, else a co-host, else undefined. */
export function hostOf(participants: readonly Participant[]): Participant | undefined {
  return participants.find((p) => p.role === 'host') ?? participants.find((p) => p.role === 'co-host');
}
