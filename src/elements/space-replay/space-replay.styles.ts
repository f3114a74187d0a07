import { css } from 'lit';
import { darkPalette, lightPalette } from '../shared/palette.styles.js';

/** The player's dark palette: under the viewer's dark scheme (unless `theme="light"`) and under `theme="dark"`. */
const dark = css`
  ${darkPalette}
  --space-replay-wave: #596073;
  --space-replay-speaker-1: #60a5fa;
  --space-replay-speaker-2: #fbbf24;
  --space-replay-speaker-3: #34d399;
  --space-replay-speaker-4: #f472b6;
  --space-replay-speaker-5: #a78bfa;
  --space-replay-speaker-6: #22d3ee;
  --space-replay-speaker-7: #a3e635;
  --space-replay-speaker-8: #fb7185;
`;

/**
 * Styles of `<space-replay>`: custom properties with defaults, light and dark (the viewer's scheme,
 * or forced by the `theme` attribute), compact under 480 px, RTL-aware. The timeline and the
 * transport buttons stay left-to-right in every script: media timelines are not mirrored.
 */
export const styles = css`
  :host {
    ${lightPalette}
    --space-replay-wave: #a3a9b8;
    --space-replay-progress: var(--space-replay-accent);
    --space-replay-cursor: var(--space-replay-fg);
    --space-replay-speaker-1: #2563eb;
    --space-replay-speaker-2: #d97706;
    --space-replay-speaker-3: #059669;
    --space-replay-speaker-4: #db2777;
    --space-replay-speaker-5: #7c3aed;
    --space-replay-speaker-6: #0891b2;
    --space-replay-speaker-7: #65a30d;
    --space-replay-speaker-8: #9f1239;
    display: block;
    container-type: inline-size;
    min-width: 280px;
    color-scheme: light dark;
    font-family: var(--space-replay-font);
    color: var(--space-replay-fg);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme=light])) {
      ${dark}
    }
  }
  :host([theme=dark]) {
    ${dark}
    color-scheme: dark;
  }
  :host([theme=light]) {
    color-scheme: light;
  }
  .player {
    position: relative;
    background: var(--space-replay-bg);
    border: 1px solid var(--space-replay-border);
    border-radius: var(--space-replay-radius);
    padding: 16px;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 12px;
  }
  .probe,
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  button,
  select,
  .icon-link {
    font: inherit;
    color: inherit;
    background: var(--space-replay-surface);
    border: 1px solid transparent;
    border-radius: 8px;
    min-height: 36px;
    min-width: 36px;
    padding: 0 8px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 2px;
    cursor: pointer;
    text-decoration: none;
  }
  button:hover,
  select:hover,
  .icon-link:hover {
    border-color: var(--space-replay-border);
  }
  :focus-visible {
    outline: 2px solid var(--space-replay-accent);
    outline-offset: 2px;
  }
  button:disabled {
    cursor: default;
    opacity: 0.6;
  }
  .header {
    display: grid;
    gap: 4px;
  }
  .heading {
    display: flex;
    gap: 8px;
    align-items: start;
    justify-content: space-between;
  }
  .title {
    margin: 0;
    font-size: 1.15em;
    line-height: 1.3;
  }
  .meta {
    margin: 0;
    color: var(--space-replay-muted);
    font-size: 0.9em;
  }
  .badge {
    flex: none;
    font-size: 0.75em;
    font-weight: 600;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    padding: 2px 8px;
    border-radius: 999px;
    background: var(--space-replay-surface);
    color: var(--space-replay-muted);
    display: inline-flex;
    align-items: center;
    gap: 6px;
  }
  .badge.live {
    color: var(--space-replay-live);
  }
  .dot {
    width: 8px;
    height: 8px;
    border-radius: 50%;
    background: currentColor;
  }
  @media (prefers-reduced-motion: no-preference) {
    .dot {
      animation: blink 1.2s steps(2, jump-none) infinite;
    }
  }
  @keyframes blink {
    50% {
      opacity: 0.2;
    }
  }
  .timeline,
  .transport .buttons {
    direction: ltr;
  }
  .timeline {
    position: relative;
    display: grid;
    gap: 4px;
    border-radius: 8px;
    touch-action: none;
    cursor: pointer;
  }
  .waveform {
    overflow: hidden;
  }
  .lanes-box {
    position: relative;
  }
  .lanes {
    display: block;
    width: 100%;
  }
  .cursor {
    position: absolute;
    inset-block: 0;
    left: 0;
    width: 2px;
    margin-left: -1px;
    background: var(--space-replay-cursor);
    pointer-events: none;
  }
  .hover {
    position: absolute;
    bottom: 100%;
    transform: translateX(-50%);
    background: var(--space-replay-fg);
    color: var(--space-replay-bg);
    font-size: 0.8em;
    padding: 2px 6px;
    border-radius: 4px;
    white-space: nowrap;
    pointer-events: none;
  }
  .transport {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px 12px;
  }
  .buttons,
  .settings {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px;
  }
  .settings {
    margin-inline-start: auto;
  }
  .play {
    min-width: 44px;
    min-height: 44px;
    border-radius: 50%;
    background: var(--space-replay-accent);
    color: var(--space-replay-bg);
  }
  .amount {
    font-size: 0.7em;
  }
  .time {
    direction: ltr;
    unicode-bidi: isolate;
    font-variant-numeric: tabular-nums;
    color: var(--space-replay-muted);
    font-size: 0.9em;
  }
  .buffering {
    font-size: 0.8em;
    color: var(--space-replay-muted);
  }
  select {
    max-width: 12em;
  }
  .volume {
    width: 80px;
    accent-color: var(--space-replay-accent);
  }
  .speakers {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(180px, 1fr));
    gap: 6px;
  }
  .speaker {
    width: 100%;
    justify-content: start;
    gap: 8px;
    padding: 6px 8px;
    text-align: start;
    border-inline-start: 4px solid var(--speaker-color);
  }
  .speaker[aria-current='true'] {
    border-color: var(--speaker-color);
  }
  .avatar {
    flex: none;
    width: 32px;
    height: 32px;
    border-radius: 50%;
    object-fit: cover;
  }
  .initials {
    display: inline-grid;
    place-items: center;
    background: var(--speaker-color);
    color: var(--space-replay-bg);
    font-size: 0.8em;
    font-weight: 600;
  }
  .who {
    display: grid;
    min-width: 0;
  }
  .name {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    gap: 2px 8px;
    font-size: 0.75em;
    color: var(--space-replay-muted);
  }
  .speaking {
    color: var(--speaker-color);
    font-weight: 600;
  }
  .message {
    padding: 12px;
    border-radius: 8px;
    background: var(--space-replay-surface);
  }
  .message p {
    margin: 0 0 6px;
  }
  .headline {
    font-weight: 600;
  }
  .issues {
    margin: 0 0 8px;
    padding-inline-start: 20px;
    font-size: 0.9em;
  }
  .skeleton {
    display: grid;
    gap: 10px;
  }
  .bone {
    background: var(--space-replay-surface);
    border-radius: 6px;
    height: 36px;
  }
  .bone.wave {
    height: 80px;
  }
  @container (max-width: 480px) {
    .player {
      padding: 12px;
      gap: 10px;
    }
    .transport {
      justify-content: center;
    }
    .settings {
      margin-inline-start: 0;
    }
    .volume,
    .amount {
      display: none;
    }
    select {
      max-width: 8em;
    }
    .speakers {
      grid-template-columns: 1fr;
    }
  }
`;
