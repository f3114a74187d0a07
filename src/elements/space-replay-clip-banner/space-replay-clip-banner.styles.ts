import { css } from 'lit';

/** Styles of `<space-replay-clip-banner>`. */
export const clipBannerStyles = css`
  :host {
    display: block;
  }
  .clip-banner {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 8px;
    margin: 8px 0 0;
    padding: 6px 10px;
    border-radius: calc(var(--space-replay-radius) / 2);
    background: var(--space-replay-surface);
    border-inline-start: 3px solid var(--space-replay-accent);
  }
`;
