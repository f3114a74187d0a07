/** Types of static-server.js, for the TypeScript tests that serve built files. */
export function parseRange(header: string, size: number): { start: number; end: number } | null;
export function startStaticServer(mounts: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }>;
