// A React app as docs/frameworks.md tells one to write it: the typed component, a property, an
// attribute-like prop and a typed event prop.
import { StrictMode, useState, version } from 'react';
import { createRoot } from 'react-dom/client';
import { SpaceReplay } from 'space-replay/react';

function App() {
  const [title, setTitle] = useState('');
  return (
    <main data-ready-title={title} data-react={version.split('.')[0]}>
      <SpaceReplay
        src="/recordings/maintainers-ama/manifest.json"
        deepLink
        skipBack={10}
        onSpaceReplayReady={(event) => setTitle(event.detail.manifest.title)}
        onSpaceReplayError={(event) => console.error(event.detail.code, event.detail.message)}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
