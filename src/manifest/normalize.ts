/**
 * Normalization of a valid manifest: accepted aliases become the canonical MIME type, and unknown
 * roles become `speaker` (with a warning, so a host sees the typo).
 */

import type { IssueCollector } from './issues.js';
import { effectiveRole } from './rules.js';
import { TYPE_ALIASES } from './schema.js';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function canonicalType(item: unknown): void {
  if (isObject(item) && typeof item.type === 'string' && Object.hasOwn(TYPE_ALIASES, item.type)) item.type = TYPE_ALIASES[item.type];
}

/** Rewrites aliases and unknown roles in `manifest` (the schema's fresh output) in place. */
export function normalizeManifest(manifest: Fields, issues: IssueCollector): void {
  if (Array.isArray(manifest.audio)) manifest.audio.forEach(canonicalType);
  if (Array.isArray(manifest.transcripts)) manifest.transcripts.forEach(canonicalType);
  if (!Array.isArray(manifest.participants)) return;
  manifest.participants.forEach((p: unknown, i) => {
    if (!isObject(p) || typeof p.role !== 'string') return;
    const role = effectiveRole(p.role);
    if (role === p.role) return;
    issues.warn(`participants[${i}].role`, `unknown role "${p.role}", read as "${role}"`);
    p.role = role;
  });
}
