// The embed demo: builds the iframe URL of src/embed/embed.html from the controls and shows the
// markup a site would paste (the built file is dist/embed.html).
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const iframe = byId<HTMLIFrameElement>('embed');

function update(): void {
  const query = new URLSearchParams({ src: new URL(`recordings/${byId<HTMLSelectElement>('recording').value}/manifest.json`, location.href).href });
  const theme = byId<HTMLSelectElement>('theme').value;
  if (theme) query.set('theme', theme);
  const accent = byId<HTMLInputElement>('accent').value;
  // Untouched, the player keeps its own accent (which follows the colour scheme).
  if (accent !== '#4338ca') query.set('accent', accent.slice(1));
  const lang = byId<HTMLSelectElement>('lang').value;
  if (lang) query.set('lang', lang);
  const url = new URL(`../src/embed/embed.html?${query}${byId<HTMLInputElement>('clip').checked ? '#t=5,20' : ''}`, location.href).href;
  iframe.src = url;
  byId('code').textContent =
    `<iframe src="${url}" data-space-replay-embed title="Recording player" style="width:100%;border:0" allow="autoplay" referrerpolicy="origin"></iframe>\n` +
    `<script type="module" src="https://unpkg.com/space-replay/dist/embed/host.js"></script>`;
}

byId<HTMLFormElement>('controls').addEventListener('input', update);
update();
