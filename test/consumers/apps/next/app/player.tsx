// The page's player: a client component, prerendered on the server by next build (output: 'export').
'use client';
import { useState } from 'react';
import { SpaceReplay } from 'space-replay/react';

export function Player() {
  const [title, setTitle] = useState('');
  return (
    <main data-ready-title={title}>
      <SpaceReplay src="/recordings/maintainers-ama/manifest.json" onSpaceReplayReady={(e) => setTitle(e.detail.manifest.title)} />
    </main>
  );
}
