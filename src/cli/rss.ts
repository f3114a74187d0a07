/**
 * `space-replay rss`: a Podcasting 2.0 RSS feed of packed recordings, from a list feed or from
 * recording folders, with channel metadata from flags or a small JSON file. Written atomically.
 */
import { basename, dirname, resolve } from 'node:path';
import * as v from 'valibot';
import { checkLicense, checkUrl, isLicenseUrl } from '../manifest/index.js';
import { isLanguageTag } from '../manifest/schema.js';
import { formatHelp, parseCommand, type CommandSpec, type FlagSpec } from './args.js';
import { writeFilesAtomically } from './atomic-files.js';
import { ExitCode, type CliIo } from './cli-io.js';
import { checkAgainst } from './json-input.js';
import { readJsonFile } from './json-file.js';
import { cliVersion } from './package-info.js';
import { fail, ok, type Outcome } from './outcome.js';
import { renderRss, type RssChannel, type RssEpisode } from './rss-document.js';
import { listSources, loadEpisode, type SourceList } from './rss-sources.js';

const RSS_SPEC = {
  name: 'rss',
  summary:
    'Write a podcast feed (RSS 2.0 with the Podcasting 2.0 and iTunes namespaces) of packed recordings: one\n' +
    'list feed (feed.json), or recording folders. Ended recordings become items, live ones podcast:liveItem;\n' +
    'expired recordings, and people who did not consent to recording, are left out.',
  positionals: ['<feed.json|folder>…'],
  variadic: true,
  flags: {
    'base-url': { type: 'string', placeholder: '<url>', description: 'Where the inputs are published: the folder URL of feed.json, or of the recording folders; required' },
    out: { type: 'string', short: 'o', placeholder: '<file>', description: 'The RSS file to write (default: standard output)' },
    channel: { type: 'string', placeholder: '<file>', description: 'Channel metadata as JSON: title, link, description, image, author, language, category, explicit, license, feedUrl' },
    title: { type: 'string', placeholder: '<text>', description: "The podcast's title (default: the list feed's owner)" },
    link: { type: 'string', placeholder: '<url>', description: "The podcast's web page (default: the owner's href, else --base-url)" },
    description: { type: 'string', placeholder: '<text>', description: 'The description (default: the title)' },
    image: { type: 'string', placeholder: '<url>', description: "Cover art, square (default: the owner's avatar)" },
    author: { type: 'string', placeholder: '<name>', description: "itunes:author (default: the owner's name)" },
    language: { type: 'string', placeholder: '<tag>', description: 'BCP 47 language of the podcast, e.g. en' },
    category: { type: 'string', placeholder: '<name>', description: 'An Apple Podcasts category, e.g. Technology' },
    license: { type: 'string', placeholder: '<spdx|url>', description: 'podcast:license of the whole podcast, e.g. CC-BY-4.0' },
    explicit: { type: 'boolean', description: 'Mark the podcast explicit' },
    'feed-url': { type: 'string', placeholder: '<url>', description: "This feed's own URL (default: --base-url plus the --out file name)" },
    'item-link': { type: 'string', placeholder: '<template>', description: "Each episode's page; {id}, {manifest}, {folder} are replaced (default: the recording's folder)" },
    force: { type: 'boolean', short: 'f', description: 'Replace an existing --out file' },
  },
  examples: [
    'space-replay rss public/rooms/feed.json --base-url https://example.org/rooms/ --out public/rooms/podcast.xml',
    'space-replay rss public/rooms/ama public/rooms/launch --base-url https://example.org/rooms/ --title "Open Rooms" \\\n    --link https://example.org/ --image https://example.org/cover.jpg --language en --out public/rooms/podcast.xml',
  ],
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

/** channel.json: every key optional; flags win over it. */
const ChannelFileSchema = v.strictObject({
  title: v.optional(v.pipe(v.string(), v.minLength(1, 'must not be empty'))),
  link: v.optional(v.string()),
  description: v.optional(v.string()),
  image: v.optional(v.string()),
  author: v.optional(v.string()),
  language: v.optional(v.string()),
  category: v.optional(v.string()),
  explicit: v.optional(v.boolean()),
  license: v.optional(v.string()),
  feedUrl: v.optional(v.string()),
});
type ChannelFields = v.InferOutput<typeof ChannelFileSchema>;

/** Runs `rss`; resolves to the exit code. */
export async function rssCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(RSS_SPEC, argv);
  const usage = (message: string): number => {
    io.stderr.write(`${message.startsWith('space-replay') ? message : `space-replay rss: ${message}`}\nSee space-replay rss --help.\n`);
    return ExitCode.usage;
  };
  if (!parsed.ok) return usage(parsed.message);
  if (parsed.value.help) {
    io.stdout.write(formatHelp(RSS_SPEC));
    return ExitCode.ok;
  }
  const flags = parsed.value.values;
  if (!flags['base-url']) return usage('--base-url is required');
  const base = absoluteHttpUrl(flags['base-url'].endsWith('/') ? flags['base-url'] : `${flags['base-url']}/`, '--base-url');
  if (!base.ok) return usage(base.message);
  const cwd = io.cwd ?? process.cwd();
  const now = io.now?.() ?? Date.now();

  const listed = await listSources(parsed.value.positionals, cwd, base.value, now);
  if (!listed.ok) return failure(io, listed.message);
  for (const line of listed.value.notices) io.stderr.write(`notice: ${line}\n`);

  const fromFile: Outcome<ChannelFields> = flags.channel ? await readChannelFile(resolve(cwd, flags.channel), flags.channel) : ok({});
  if (!fromFile.ok) return failure(io, fromFile.message);
  const channel = resolveChannel({ ...fromFile.value, ...definedFlags(flags) }, listed.value, base.value, flags.out);
  if (!channel.ok) return usage(channel.message);

  const episodes: RssEpisode[] = [];
  const leftOut: string[] = [];
  for (const source of listed.value.sources) {
    if (io.signal?.aborted) return failure(io, 'space-replay rss: interrupted; nothing was written', ExitCode.interrupted);
    const loaded = await loadEpisode(source, {
      now,
      ...(flags['item-link'] ? { itemLink: flags['item-link'] } : {}),
      notice: (text) => io.stderr.write(`notice: ${text}\n`),
    });
    if (!loaded.ok) return failure(io, `${loaded.message}\nspace-replay rss: nothing was written`);
    if ('leftOut' in loaded.value) {
      leftOut.push(loaded.value.leftOut);
      io.stderr.write(`notice: ${loaded.value.leftOut}\n`);
    } else {
      episodes.push(loaded.value.episode);
    }
  }
  const xml = renderRss(channel.value, episodes);
  const live = episodes.filter((e) => e.manifest.status !== 'ended').length;
  const counts = `${episodes.length - live} item${episodes.length - live === 1 ? '' : 's'}, ${live} live item${live === 1 ? '' : 's'}, ${leftOut.length} left out`;
  if (!flags.out) {
    io.stdout.write(xml);
    io.stderr.write(`${counts}\n`);
    return ExitCode.ok;
  }
  const out = resolve(cwd, flags.out);
  const written = await writeFilesAtomically(dirname(out), [{ name: basename(out), text: xml }], flags.force === true, dirname(flags.out));
  if (!written.ok) return failure(io, written.message);
  io.stdout.write(`wrote ${flags.out}: ${counts}\n`);
  return ExitCode.ok;
}

function failure(io: CliIo, message: string, code: number = ExitCode.failure): number {
  io.stderr.write(`${message}\n`);
  return code;
}

function definedFlags(flags: Record<string, string | boolean | string[] | undefined>): ChannelFields {
  const out: Record<string, string | boolean> = {};
  for (const key of ['title', 'link', 'description', 'image', 'author', 'language', 'category', 'license'] as const) {
    const value = flags[key];
    if (typeof value === 'string') out[key] = value;
  }
  if (flags['feed-url'] !== undefined) out.feedUrl = flags['feed-url'] as string;
  if (flags.explicit === true) out.explicit = true;
  return out as ChannelFields;
}

async function readChannelFile(path: string, label: string): Promise<Outcome<ChannelFields>> {
  const json = await readJsonFile(path, label);
  return json.ok ? checkAgainst(ChannelFileSchema, json.value, label) : json;
}

/** An absolute https: URL (or http: on localhost), resolved against `base` when relative. */
function absoluteHttpUrl(value: string, what: string, base?: string): Outcome<string> {
  const check = checkUrl(value);
  if (!check.ok) return fail(`${what} ${value}: ${check.reason}`);
  try {
    return ok(new URL(value, base).href);
  } catch {
    return fail(`${what} ${value}: must be an absolute URL like https://example.org/rooms/`);
  }
}

/** Channel metadata: given fields, else the list feed's owner, else defaults; every URL checked and made absolute. */
function resolveChannel(given: ChannelFields, listed: SourceList, base: string, out: string | undefined): Outcome<RssChannel> {
  const owner = listed.feed?.owner;
  const title = given.title ?? owner?.name;
  if (!title) return fail('--title is required (or a list feed whose owner has a name, or "title" in --channel)');
  const url = (value: string | undefined, what: string): Outcome<string | undefined> => (value === undefined ? ok(undefined) : absoluteHttpUrl(value, what, base));
  const link = url(given.link ?? (owner?.href ? new URL(owner.href, base).href : base), '--link');
  if (!link.ok) return link;
  const image = url(given.image ?? (owner?.avatar ? new URL(owner.avatar, base).href : undefined), '--image');
  if (!image.ok) return image;
  const givenFeedUrl = url(given.feedUrl, '--feed-url');
  if (!givenFeedUrl.ok) return givenFeedUrl;
  const feedUrl = givenFeedUrl.value ?? (out ? new URL(encodeURIComponent(basename(out)), base).href : undefined);
  if (given.language !== undefined && !isLanguageTag(given.language)) return fail(`--language ${given.language}: must be a BCP 47 language tag like "en" or "pt-BR"`);
  let license = given.license;
  if (license !== undefined) {
    const reason = license === '' ? 'must not be empty' : checkLicense(license);
    if (reason) return fail(`--license ${license}: ${reason}`);
    if (isLicenseUrl(license)) license = new URL(license, base).href;
  }
  return ok({
    title,
    link: link.value!,
    description: given.description || title,
    ...(given.language ? { language: given.language } : {}),
    ...(image.value ? { image: image.value } : {}),
    ...((given.author ?? owner?.name) ? { author: (given.author ?? owner?.name)! } : {}),
    ...(given.category ? { category: given.category } : {}),
    explicit: given.explicit === true,
    ...(license ? { license } : {}),
    ...(feedUrl ? { feedUrl } : {}),
    generator: `space-replay ${cliVersion()}`,
  });
}
