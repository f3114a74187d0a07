// The same app without the player: what vite-react adds over it is space-replay's cost.
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';

function App() {
  const [title] = useState('');
  return <main data-ready-title={title}></main>;
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
