// The profile demo: an "Audio" tab built from demo/recordings/feed.json with <space-replay-list>,
// switches for language and page size, and a log of what the list and its players report.
import '../src/elements/space-replay-list/define.js';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const list = byId<HTMLElement>('list');
const log = byId<HTMLUListElement>('log');

byId<HTMLSelectElement>('lang').addEventListener('change', (e) => list.setAttribute('lang', (e.target as HTMLSelectElement).value));
byId<HTMLSelectElement>('page-size').addEventListener('change', (e) => {
  list.setAttribute('page-size', (e.target as HTMLSelectElement).value);
  // A new page size applies from the first page: load the feed again.
  list.removeAttribute('src');
  requestAnimationFrame(() => list.setAttribute('src', 'recordings/feed.json'));
});

// Tabs: arrow keys move between them, as the ARIA tabs pattern has it.
const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const select = (tab: HTMLButtonElement): void => {
  for (const t of tabs) {
    const selected = t === tab;
    t.setAttribute('aria-selected', String(selected));
    t.tabIndex = selected ? 0 : -1;
    byId(t.getAttribute('aria-controls')!).hidden = !selected;
  }
  tab.focus();
};
for (const tab of tabs) {
  tab.addEventListener('click', () => select(tab));
  tab.addEventListener('keydown', (e) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (step) select(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]!);
  });
}

const EVENTS = ['space-replay-list-load', 'space-replay-list-error', 'space-replay-list-toggle', 'space-replay-ready', 'space-replay-play', 'space-replay-pause'];
for (const name of EVENTS) {
  document.addEventListener(name, (event) => {
    const detail = (event as CustomEvent).detail as Record<string, unknown>;
    const summary =
      name === 'space-replay-list-load'
        ? { items: (detail.items as unknown[]).length, itemErrors: (detail.itemErrors as unknown[]).length, next: detail.next }
        : name === 'space-replay-ready'
          ? { manifest: (detail.manifest as { id: string }).id }
          : detail;
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(summary)}`;
    log.prepend(item);
    while (log.childElementCount > 50) log.lastElementChild!.remove();
  });
}
