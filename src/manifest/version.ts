/**
 * Manifest versioning: `"1.N"`. Minor versions only add optional fields, so a reader of 1.0 reads
 * any 1.x (warning on keys it does not know); another major version is refused outright.
 */

/** The manifest version this library writes and fully understands. */
export const MANIFEST_VERSION = '1.1';

/** The major version this library reads. */
export const MANIFEST_MAJOR_VERSION = 1;

/** Where the JSON Schema of manifest v1 is published (it ships in the npm package under `schema/`). */
export const MANIFEST_SCHEMA_ID = 'https://unpkg.com/space-replay/schema/manifest-v1.schema.json';

const VERSION = /^(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/**
 * The error message for a well-formed version of another major (`"2.0"`), or `undefined` when the
 * version is readable or not even well-formed (the schema reports that).
 */
export function unsupportedVersionMessage(version: unknown): string | undefined {
  if (typeof version !== 'string') return undefined;
  const m = VERSION.exec(version);
  if (!m || Number(m[1]) === MANIFEST_MAJOR_VERSION) return undefined;
  return `unsupported manifest version ${version} (this player reads ${MANIFEST_MAJOR_VERSION}.x)`;
}
