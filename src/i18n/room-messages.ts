/**
 * Strings of the room's parts (`<space-replay-reactions>`, `<space-replay-room>`). They ship in
 * those parts' chunk, not in the player's main chunk: English and French side by side, since both
 * are short.
 */

/** The room parts' strings. */
export interface RoomMessages {
  room: string;
  onStage: string;
  speaking: string;
  muted: string;
  /** Stage members who did not consent to recording: never named. */
  unnamed: (n: number) => string;
  nobodyOnStage: string;
  inRoom: (n: string) => string;
  peak: (n: string, at: string) => string;
  hands: (n: number) => string;
  pinned: string;
  noPins: string;
  /** Before the name of who pinned a link. */
  pinnedBy: string;
  pinnedAt: (time: string) => string;
  playFrom: (time: string) => string;
  reactions: string;
  /** The density strip's text summary. */
  reactionSummary: (total: string, busiest: string | undefined, top: string) => string;
  noReactions: string;
}

const en: RoomMessages = {
  room: 'The room',
  onStage: 'On stage now',
  speaking: 'speaking',
  muted: 'muted',
  unnamed: (n) => (n === 1 ? 'a participant' : `${n} participants`),
  nobodyOnStage: 'Nobody on stage',
  inRoom: (n) => `${n} in the room`,
  peak: (n, at) => `most: ${n} at ${at}`,
  hands: (n) => (n === 1 ? '1 hand raised' : `${n} hands raised`),
  pinned: 'Pinned',
  noPins: 'Nothing pinned yet',
  pinnedBy: 'pinned by ',
  pinnedAt: (time) => `at ${time}`,
  playFrom: (time) => `Play from ${time}`,
  reactions: 'Reactions',
  reactionSummary: (total, busiest, top) => `${total} reactions${busiest ? `, most around ${busiest}` : ''}${top ? `: ${top}` : ''}`,
  noReactions: 'No reactions',
};

const fr: RoomMessages = {
  room: 'Le salon',
  onStage: 'Sur scène',
  speaking: 'parle',
  muted: 'micro coupé',
  unnamed: (n) => (n === 1 ? 'un participant' : `${n} participants`),
  nobodyOnStage: 'Personne sur scène',
  inRoom: (n) => `${n} dans le salon`,
  peak: (n, at) => `au plus : ${n} à ${at}`,
  hands: (n) => (n === 1 ? '1 main levée' : `${n} mains levées`),
  pinned: 'Épinglé',
  noPins: 'Rien d’épinglé pour l’instant',
  pinnedBy: 'épinglé par ',
  pinnedAt: (time) => `à ${time}`,
  playFrom: (time) => `Lire à partir de ${time}`,
  reactions: 'Réactions',
  reactionSummary: (total, busiest, top) => `${total} réactions${busiest ? `, surtout vers ${busiest}` : ''}${top ? ` : ${top}` : ''}`,
  noReactions: 'Aucune réaction',
};

/** The room strings for `lang` (French for `fr`, `fr-CA`, …; else English). */
export function roomMessages(lang: string): RoomMessages {
  return lang.toLowerCase().split('-')[0] === 'fr' ? fr : en;
}
