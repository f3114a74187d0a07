// What the README tells a bundler user to write, in a Vite + TypeScript app: tsc checks it against
// the packed types (the element in HTMLElementTagNameMap, its events' details in the event map).
import 'space-replay';

const player = document.querySelector('space-replay')!;
player.addEventListener('space-replay-ready', (event) => {
  document.body.dataset.readyTitle = event.detail.manifest.title;
});
player.skipBack = 10;
