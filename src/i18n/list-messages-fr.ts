/** French strings of `<space-replay-list>` (see list-messages.ts for the shape). */

import type { ListMessages } from './message-types.js';

/** French. */
export const listFr: ListMessages = {
  label: (owner) => `Enregistrements de ${owner}`,
  loading: 'Chargement des enregistrements…',
  loadingMore: 'Chargement de la suite…',
  empty: 'Aucun enregistrement pour l’instant.',
  emptyFiltered: 'Aucun enregistrement ne correspond à ce filtre.',
  error: 'Les enregistrements n’ont pas pu être chargés.',
  moreError: 'La suite n’a pas pu être chargée.',
  showMore: 'Afficher plus',
  filterLabel: 'Afficher',
  filters: { all: 'Tous', hosted: 'Animés', spoke: 'Intervenu' },
  rec: 'REC',
  liveNow: 'En direct',
  recorded: 'Enregistré',
  scheduled: 'Programmé',
  timeLeft: (n, unit) => `Encore ${n} ${{ day: 'jour', hour: 'heure', minute: 'minute' }[unit]}${n > 1 ? 's' : ''}`,
  expired: 'Expiré',
  expiredNote: 'Cet enregistrement a expiré et ne peut plus être écouté.',
  resumeAt: (t) => `Reprendre à ${t}`,
  hostedBy: (names) => `Animé par ${names}`,
  with: (names) => `avec ${names}`,
  more: (n) => `+${n}`,
  duration: (spoken) => `Durée ${spoken}`,
  skipped: (n) => (n === 1 ? '1 enregistrement n’a pas pu être affiché' : `${n} enregistrements n’ont pas pu être affichés`),
  closePlayer: 'Fermer le lecteur',
};
