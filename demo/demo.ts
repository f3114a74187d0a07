// The demo page: one player on the demo recordings, with switches for language, direction and a
// narrow container, plus the live and expired examples and a log of the events the players fire.
import '../src/index.js';
import { SPACE_REPLAY_EVENTS } from '../src/events.js';

const RECORDINGS: [dir: string, label: string][] = [
  ['garden-council', 'Community garden (redaction, chapters)'],
  ['maintainers-ama', 'Maintainers AMA (downloads)'],
  ['office-hours', 'Office hours (room events, one track per speaker)'],
  ['release-standup', 'Release standup (live)'],
  ['club-lecture', 'Club de lecture (expired)'],
];

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const player = byId<HTMLElement>('player');
const recording = byId<HTMLSelectElement>('recording');
const stage = byId<HTMLElement>('stage');
const log = byId<HTMLUListElement>('log');

for (const [dir, label] of RECORDINGS) recording.append(new Option(label, dir));
// `?recording=<id>`: the episode links of the demo podcast feed (recordings/podcast.xml) open their recording.
const requested = new URLSearchParams(location.search).get('recording');
if (requested && RECORDINGS.some(([dir]) => dir === requested)) {
  recording.value = requested;
  player.setAttribute('src', `recordings/${requested}/manifest.json`);
} else if (requested === 'live') {
  // `?recording=live`: the room `npm run demo:live` is recording into demo/live/.
  player.setAttribute('src', 'live/manifest.json');
}
recording.addEventListener('change', () => player.setAttribute('src', `recordings/${recording.value}/manifest.json`));
byId<HTMLSelectElement>('lang').addEventListener('change', (e) => player.setAttribute('lang', (e.target as HTMLSelectElement).value));
byId<HTMLInputElement>('rtl').addEventListener('change', (e) => player.setAttribute('dir', (e.target as HTMLInputElement).checked ? 'rtl' : 'ltr'));
byId<HTMLInputElement>('compact').addEventListener('change', (e) => stage.classList.toggle('compact', (e.target as HTMLInputElement).checked));

const QUIET = new Set(['space-replay-seeked']);
// A clip link made in a player is logged like the media events.
for (const name of [...SPACE_REPLAY_EVENTS, 'space-replay-clip'] as const) {
  document.addEventListener(name, (event) => {
    if (QUIET.has(name)) return;
    const detail = (event as CustomEvent).detail as Record<string, unknown>;
    const summary = name === 'space-replay-ready' ? { manifest: (detail.manifest as { id: string }).id } : detail;
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(summary)}`;
    log.prepend(item);
    while (log.childElementCount > 50) log.lastElementChild!.remove();
  });
}
