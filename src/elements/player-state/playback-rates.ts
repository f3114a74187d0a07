/** Playback rates offered by the transport's menu, and stepped through by `,` and `.`. */
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;
