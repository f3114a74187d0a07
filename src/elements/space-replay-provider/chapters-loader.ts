/** A recording's chapters: inline in the manifest or a Podcasting 2.0 chapters file (optional; never an error). */

import { withDeadline } from '../../controllers/deadlines.js';
import type { Chapter, ChaptersRef } from '../../manifest/types.js';

/** Chapters from inline data or their URL; `[]` when they cannot be read within `seconds` (they are optional). */
export async function loadChapters(ref: ChaptersRef | undefined, signal: AbortSignal, seconds: number): Promise<Chapter[]> {
  if (!ref) return [];
  if (ref.data) return ref.data.chapters;
  const deadline = withDeadline(signal, seconds);
  try {
    const response = await fetch(ref.url, { signal: deadline.signal, credentials: 'same-origin' });
    if (!response.ok) return [];
    const body = (await response.json()) as { chapters?: unknown };
    return Array.isArray(body.chapters) ? body.chapters.filter(isChapter) : [];
  } catch {
    return [];
  } finally {
    deadline.clear();
  }
}

function isChapter(value: unknown): value is Chapter {
  const c = value as Chapter;
  return typeof c === 'object' && c !== null && typeof c.startTime === 'number' && c.startTime >= 0 && typeof c.title === 'string';
}
