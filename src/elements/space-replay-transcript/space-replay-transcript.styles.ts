/** Styles of `<space-replay-transcript>`. Blocks use padding, never margins, so their measured heights add up exactly. */
import { css } from 'lit';
import { buttonStyles } from '../shared/button.styles.js';

/** The panel's shadow styles. */
export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    height: var(--space-replay-transcript-height, 24rem);
    min-height: 6rem;
    color: var(--space-replay-fg, inherit);
    background: var(--space-replay-bg, transparent);
    font-family: var(--space-replay-font, inherit);
    border: 1px solid var(--space-replay-border, #d0d7de);
    border-radius: var(--space-replay-radius, 8px);
    overflow: hidden;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    padding: 0.5rem;
    border-bottom: 1px solid var(--space-replay-border, #d0d7de);
  }
  .search {
    flex: 1 1 10rem;
    min-width: 0;
    font: inherit;
    padding: 0.25rem 0.5rem;
    color: inherit;
    background: var(--space-replay-surface, transparent);
    border: 1px solid var(--space-replay-border, #d0d7de);
    border-radius: calc(var(--space-replay-radius, 8px) / 2);
  }
  .count,
  .status {
    font-size: 0.875em;
    color: var(--space-replay-muted, #57606a);
    font-variant-numeric: tabular-nums;
  }
  .status:empty {
    display: none;
  }
  ${buttonStyles}
  button:focus-visible,
  .search:focus-visible,
  [part~='word']:focus-visible {
    outline: 2px solid var(--space-replay-accent, #1a73e8);
    outline-offset: 1px;
  }
  .notice,
  .message {
    margin: 0;
    padding: 0.5rem 0.75rem;
    color: var(--space-replay-muted, #57606a);
  }
  .viewport {
    position: relative;
    display: flex;
    flex: 1 1 auto;
    min-height: 0;
  }
  .scroller {
    position: relative;
    flex: 1 1 auto;
    overflow-y: auto;
    /* The panel keeps its place itself while blocks are measured; the browser must not also. */
    overflow-anchor: none;
    overscroll-behavior: contain;
    padding: 0 0.75rem;
  }
  .scroller:focus {
    outline: none;
  }
  .block {
    padding: 0 0 0.5rem;
  }
  .head {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    padding-top: 0.5rem;
    min-height: calc(28px + 0.5rem);
  }
  .avatar {
    flex: none;
    width: 28px;
    height: 28px;
    border-radius: 50%;
    object-fit: cover;
  }
  span.avatar {
    display: inline-grid;
    place-items: center;
    font-size: 0.75rem;
    font-weight: 600;
    background: var(--space-replay-surface, #eef1f4);
  }
  bdi {
    font-weight: 600;
  }
  .time {
    padding: 0.125rem 0.25rem;
    border: 0;
    background: none;
    color: var(--space-replay-muted, #57606a);
    font-variant-numeric: tabular-nums;
  }
  .text {
    margin: 0;
    padding-top: 0.25rem;
    line-height: 1.5;
  }
  [part~='word'] {
    cursor: pointer;
    border-radius: 3px;
  }
  [part~='played'] {
    color: var(--space-replay-transcript-played, inherit);
  }
  [part~='current'] {
    background: var(--space-replay-transcript-current, color-mix(in srgb, var(--space-replay-accent, #1a73e8) 25%, transparent));
  }
  [part~='hit'] {
    background: var(--space-replay-transcript-hit, #fff1a8);
    color: #1f2328;
  }
  [part~='hit-current'] {
    outline: 2px solid var(--space-replay-accent, #1a73e8);
  }
  [part~='clip'] {
    text-decoration: underline 2px var(--space-replay-accent, #1a73e8);
    text-underline-offset: 3px;
  }
  .redaction {
    font-style: italic;
    color: var(--space-replay-muted, #57606a);
  }
  .resume {
    position: absolute;
    inset-block-end: 0.75rem;
    inset-inline-start: 50%;
    transform: translateX(-50%);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.2);
  }
  :host(:dir(rtl)) .resume {
    transform: translateX(50%);
  }
`;
