#!/usr/bin/env node
// Generates schema/manifest-v1.schema.json and schema/feed-v1.schema.json (JSON Schema 2020-12)
// from the valibot schemas in src/manifest/schema.ts and src/manifest/feed-schema.ts. With --check
// it writes nothing and exits 1 when a committed file differs from what the source generates (run
// `npm run schema` to refresh them). `--file <path>` names another file to write or check in place
// of the manifest schema (the tests use it).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { toJsonSchema, type JsonSchema } from '@valibot/to-json-schema';
import {
  CueSchema,
  InlineTranscriptDataSlot,
  ManifestSchema,
  NormalizedTranscriptSchema,
  ParticipantSchema,
  PodcastTranscriptSchema,
  UrlSchema,
} from '../src/manifest/schema.js';
import { EVENT_TYPES, EventsDataSlot, RoomEventSchema } from '../src/manifest/events-schema.js';
import { FeedItemSchema, FeedSchema } from '../src/manifest/feed-schema.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The committed JSON Schema file. */
export const SCHEMA_FILE = resolve(root, 'schema/manifest-v1.schema.json');
/** The committed JSON Schema file of the feed. */
export const FEED_SCHEMA_FILE = resolve(root, 'schema/feed-v1.schema.json');

/** The JSON Schema document, keys in a readable order. */
export function generateManifestJsonSchema(): JsonSchema {
  const generated = toJsonSchema(ManifestSchema, {
    target: 'draft-2020-12',
    // `check` and `raw_check` run code (calendar dates, language tags, rule 8 on URLs); each of those
    // fields carries a `pattern` or `format` in its metadata that says the same for JSON Schema.
    ignoreActions: ['check', 'raw_check'],
    definitions: {
      Url: UrlSchema,
      Participant: ParticipantSchema,
      NormalizedTranscript: NormalizedTranscriptSchema,
      Cue: CueSchema,
      PodcastTranscript: PodcastTranscriptSchema,
      RoomEvent: RoomEventSchema,
    },
    overrideSchema(context) {
      // At run time inline transcript data is checked by a hand loop (speed); its JSON Schema is
      // that of the two valibot schemas the loop is tested against.
      // (The converter calls this for the schema inside a pipe, so compare with pipe[0].)
      if (context.valibotSchema === InlineTranscriptDataSlot.pipe[0]) {
        return { anyOf: [{ $ref: '#/$defs/NormalizedTranscript' }, { $ref: '#/$defs/PodcastTranscript' }] };
      }
      // Inline events are checked by a hand loop too. An event of a type this version does not
      // know is ignored by readers (a newer 1.x may add types), so the schema lets it through.
      if (context.valibotSchema === EventsDataSlot.pipe[0]) {
        return {
          type: 'array',
          items: {
            anyOf: [
            { $ref: '#/$defs/RoomEvent' },
            {
              type: 'object',
              description: 'An event of a type this version does not define: readers ignore it.',
              properties: { time: { type: 'number', minimum: 0 }, type: { type: 'string', not: { enum: [...EVENT_TYPES] } } },
                required: ['time', 'type'],
              },
            ],
          },
        };
      }
      return undefined;
    },
  }) as Record<string, unknown>;
  const { $schema, $id, title, description, $defs, ...rest } = generated;
  if ($schema !== 'https://json-schema.org/draft/2020-12/schema') {
    throw new Error(`expected a draft 2020-12 schema from @valibot/to-json-schema, got ${String($schema)}`);
  }
  return { $schema, $id, title, description, ...rest, $defs } as JsonSchema;
}

/** The feed's JSON Schema document, keys in a readable order. */
export function generateFeedJsonSchema(): JsonSchema {
  const generated = toJsonSchema(FeedSchema, {
    target: 'draft-2020-12',
    ignoreActions: ['check', 'raw_check'],
    definitions: { Url: UrlSchema, FeedItem: FeedItemSchema },
  }) as Record<string, unknown>;
  const { $schema, $id, title, description, $defs, ...rest } = generated;
  return { $schema, $id, title, description, ...rest, $defs } as JsonSchema;
}

function firstDifference(a: string, b: string): number {
  const left = a.split('\n');
  const right = b.split('\n');
  let line = 0;
  while (line < left.length && left[line] === right[line]) line++;
  return line + 1;
}

/** Writes `schema` to `target`, or with `check` compares them; returns false when the committed file is stale or missing. */
function writeOrCheck(schema: JsonSchema, source: string, target: string, name: string, check: boolean): boolean {
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (check) {
    let committed: string | undefined;
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      committed = undefined;
    }
    if (committed !== text) {
      console.error(
        committed === undefined
          ? `${name} is missing. Run \`npm run schema\` and commit the file.`
          : `${name} is stale: ${source} generates something else ` +
              `(first difference at line ${firstDifference(committed, text)}). Run \`npm run schema\` and commit the file.`,
      );
      return false;
    }
    console.log(`${name} is up to date`);
    return true;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
  return true;
}

function main(): void {
  const fileFlag = process.argv.indexOf('--file');
  const target = fileFlag > 0 && process.argv[fileFlag + 1] ? resolve(process.argv[fileFlag + 1]!) : SCHEMA_FILE;
  const name = target === SCHEMA_FILE ? 'schema/manifest-v1.schema.json' : target;
  const check = process.argv.includes('--check');
  let ok = writeOrCheck(generateManifestJsonSchema(), 'src/manifest/schema.ts', target, name, check);
  if (target === SCHEMA_FILE) ok = writeOrCheck(generateFeedJsonSchema(), 'src/manifest/feed-schema.ts', FEED_SCHEMA_FILE, 'schema/feed-v1.schema.json', check) && ok;
  if (!ok) process.exit(1);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
