/** Types of find-browsers.js, for the TypeScript tests that launch browsers. */
export function findBrowsers(): { chromium: string | undefined; firefox: string | undefined };
export const CHROMIUM_FLAGS: string[];
export const FIREFOX_PREFS: Record<string, unknown>;
