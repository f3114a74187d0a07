// The page's React tree, rendered to HTML on the server (render.tsx) and hydrated in the browser (client.tsx).
import { useState, version } from 'react';
import { SpaceReplay } from 'space-replay/react';

export function App() {
  const [title, setTitle] = useState('');
  return (
    <main data-ready-title={title} data-react={version.split('.')[0]}>
      <SpaceReplay src="/recordings/maintainers-ama/manifest.json" deepLink onSpaceReplayReady={(event) => setTitle(event.detail.manifest.title)} />
    </main>
  );
}
