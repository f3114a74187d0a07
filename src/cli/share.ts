/**
 * `space-replay share`: writes the static share page of a recording or clip (Open Graph and
 * Twitter player-card tags, oEmbed discovery, the player) and its oEmbed JSON, with the pure
 * functions of `space-replay/share`.
 */
import { resolve } from 'node:path';
import { checkUrl, formatIssue, isAbsoluteUrl, parseManifest, RANGE_END_TOLERANCE, type Manifest } from '../manifest/index.js';
import { parseTemporalFragment } from '../model/clip-link.js';
import { formatFragmentTime } from '../model/time.js';
import { importTranscript } from '../model/transcript/index.js';
import type { Transcript } from '../model/transcript/transcript.js';
import { buildShareCard, renderOEmbed, renderSharePage, type ShareClip } from '../share/index.js';
import { formatHelp, parseCommand, type CommandSpec, type FlagSpec } from './args.js';
import { writeFilesAtomically } from './atomic-files.js';
import { ExitCode, type CliIo } from './cli-io.js';
import { readInputText } from './input-file.js';
import { fetchText, loadManifestSource, localFileOf } from './manifest-source.js';
import { ok, type Outcome } from './outcome.js';
import { cliVersion } from './package-info.js';

const SHARE_SPEC = {
  name: 'share',
  summary:
    'Write the share page of a recording (index.html) or of a clip (clip-START-END.html), with Open Graph\n' +
    'and Twitter player-card tags, an oEmbed discovery link and the player, and its oEmbed JSON beside it\n' +
    '(oembed.json, clip-START-END.oembed.json). A clip quotes the transcript when the manifest has one\n' +
    'locally. Refuses expired recordings and clips of people who did not consent to clips.',
  positionals: ['<manifest.json|dir|URL>'],
  flags: {
    'base-url': { type: 'string', placeholder: '<url>', description: 'Where the pages are published (an https folder URL); required' },
    out: { type: 'string', short: 'o', placeholder: '<dir>', description: 'Folder to write into (created when missing); required' },
    clip: { type: 'string', placeholder: '<start,end>', description: 'Share a clip: seconds or times, e.g. 90,120 or 1:30,2:00' },
    'clip-id': { type: 'string', placeholder: '<id>', description: "Share one of the manifest's clips by id" },
    'manifest-url': { type: 'string', placeholder: '<url>', description: 'Public URL of the manifest (default: <base-url>manifest.json, or the URL given)' },
    'embed-url': { type: 'string', placeholder: '<url>', description: 'Public URL of embed.html (default: unpkg, this version)' },
    'player-script': { type: 'string', placeholder: '<url>', description: "Public URL of the player's module script (default: unpkg, this version)" },
    image: { type: 'string', placeholder: '<url>', description: "Card image (default: the manifest's x-image, else the host's avatar)" },
    'site-name': { type: 'string', placeholder: '<name>', description: 'og:site_name and oEmbed provider_name (default: space-replay)' },
    lang: { type: 'string', placeholder: '<tag>', description: "Language of the texts: en or fr (default: the manifest's language)" },
    force: { type: 'boolean', short: 'f', description: 'Replace existing pages of the same name' },
  },
  examples: [
    'space-replay share public/rooms/launch --base-url https://example.org/rooms/launch/ --out public/rooms/launch',
    'space-replay share public/rooms/launch --base-url https://example.org/rooms/launch/ --clip 1:30,2:00 --out public/rooms/launch',
    'space-replay share manifest.json --base-url https://example.org/s/launch/ --clip-id best-bit --out share/launch',
  ],
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

/** The flags that take a URL; `--image` may also be relative to the manifest, the others must be absolute. */
const URL_FLAGS = ['base-url', 'manifest-url', 'embed-url', 'player-script', 'image'] as const;

/** Runs `share`; resolves to the exit code. */
export async function shareCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(SHARE_SPEC, argv);
  const usage = (message: string): number => {
    io.stderr.write(`space-replay share: ${message}\nSee space-replay share --help.\n`);
    return ExitCode.usage;
  };
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\nSee space-replay share --help.\n`);
    return ExitCode.usage;
  }
  if (parsed.value.help) {
    io.stdout.write(formatHelp(SHARE_SPEC));
    return ExitCode.ok;
  }
  const flags = parsed.value.values;
  if (!flags['base-url']) return usage('--base-url is required');
  if (!flags.out) return usage('--out is required');
  if (flags.clip !== undefined && flags['clip-id'] !== undefined) return usage('give --clip or --clip-id, not both');
  // Checked here so the message names the flag; buildShareCard would drop a bad image silently.
  for (const flag of URL_FLAGS) {
    const value = flags[flag];
    if (value === undefined) continue;
    const check = checkUrl(value);
    if (!check.ok) return usage(`--${flag} ${value}: ${check.reason}`);
    if (flag !== 'image' && !isAbsoluteUrl(value)) return usage(`--${flag} ${value}: must be an absolute https: URL`);
  }
  let clip: ShareClip | undefined;
  if (flags.clip !== undefined) {
    const range = parseTemporalFragment(flags.clip);
    if (!range || range.end === undefined) return usage(`--clip ${flags.clip}: expected START,END with END after START (e.g. 90,120 or 1:30,2:00)`);
    clip = { start: range.start, end: range.end };
  } else if (flags['clip-id'] !== undefined) {
    clip = { clipId: flags['clip-id'] };
  }

  const cwd = io.cwd ?? process.cwd();
  const source = await loadManifestSource(parsed.value.positionals[0]!, cwd, true);
  if (!source.ok) {
    io.stderr.write(`${source.message}\n`);
    return ExitCode.failure;
  }
  const { text, label, dir, url } = source.value;
  const result = parseManifest(text, url ? { baseUrl: url } : {});
  if (!result.ok) {
    io.stderr.write(`${label}: invalid manifest (run space-replay validate for details)\n${result.errors.slice(0, 5).map((e) => `  ${formatIssue(e)}\n`).join('')}`);
    return ExitCode.failure;
  }
  const manifest = result.manifest;
  if (clip && 'end' in clip && clip.end > manifest.duration + RANGE_END_TOLERANCE) {
    io.stderr.write(
      `${label}: --clip ${flags.clip}: ends at ${formatFragmentTime(clip.end)} s, after the end of the recording ` +
        `(${formatFragmentTime(manifest.duration)} s); clips outside the recording are refused\n`,
    );
    return ExitCode.failure;
  }
  const version = cliVersion();
  const cdn = `https://unpkg.com/space-replay@${version === 'unknown' ? 'latest' : version}/dist`;
  let manifestUrl = flags['manifest-url'] ?? url;
  if (manifestUrl === undefined) {
    try {
      manifestUrl = new URL('manifest.json', flags['base-url'].endsWith('/') ? flags['base-url'] : `${flags['base-url']}/`).href;
    } catch {
      manifestUrl = flags['base-url'];
    }
  }

  let transcript: Transcript | undefined;
  if (clip) {
    const loaded = await loadTranscript(manifest, dir);
    if (loaded.transcript) transcript = loaded.transcript;
    else if (loaded.notice) io.stderr.write(`notice: no quote on the card: ${loaded.notice}\n`);
  }

  const built = buildShareCard(manifest, {
    baseUrl: flags['base-url'],
    manifestUrl,
    embedUrl: flags['embed-url'] ?? `${cdn}/embed.html`,
    playerScriptUrl: flags['player-script'] ?? `${cdn}/cdn/space-replay.js`,
    ...(clip ? { clip } : {}),
    ...(transcript ? { transcript } : {}),
    ...(flags.image ? { image: flags.image } : {}),
    ...(flags['site-name'] ? { siteName: flags['site-name'] } : {}),
    ...(flags.lang ? { lang: flags.lang } : {}),
    now: io.now?.() ?? Date.now(),
  });
  if (!built.ok) {
    io.stderr.write(`${label}: ${built.message}\n`);
    return ExitCode.failure;
  }
  const card = built.card;
  const written = await writeFilesAtomically(
    resolve(cwd, flags.out),
    [
      { name: card.fileName, text: renderSharePage(card) },
      { name: card.oembedFileName, text: `${JSON.stringify(renderOEmbed(card), null, 2)}\n` },
    ],
    flags.force === true,
    flags.out,
  );
  if (!written.ok) {
    io.stderr.write(`${written.message}\n`);
    return ExitCode.failure;
  }
  const out = flags.out.replace(/\/+$/, '');
  io.stdout.write(`wrote ${out}/${card.fileName} and ${out}/${card.oembedFileName}\npage: ${card.pageUrl}\n`);
  return ExitCode.ok;
}

/**
 * The manifest's transcript (the JSON one when there are several): read from the manifest's folder,
 * or fetched when its URL is http(s) (a remote manifest's relative URLs are resolved against it).
 */
async function loadTranscript(manifest: Manifest, dir: string | undefined): Promise<{ transcript?: Transcript; notice?: string }> {
  const refs = manifest.transcripts ?? [];
  const ref = refs.find((r) => r.type === 'application/json') ?? refs[0];
  if (!ref) return { notice: 'the manifest has no transcript' };
  let input: unknown = ref.data;
  if (ref.url !== undefined) {
    let text: Outcome<string>;
    if (isAbsoluteUrl(ref.url)) {
      const fetched = await fetchText(ref.url, ref.type);
      text = fetched.ok ? ok(fetched.value.text) : fetched;
    } else if (dir) {
      text = await readInputText(localFileOf(dir, ref.url), ref.url);
    } else {
      return { notice: `the transcript ${ref.url} has no folder or URL to be read from` };
    }
    if (!text.ok) return { notice: text.message };
    input = text.value;
  }
  const imported = await importTranscript(input, { type: ref.type, ...(ref.url ? { fileName: ref.url } : {}), participants: manifest.participants });
  return imported.ok ? { transcript: imported.transcript } : { notice: imported.error };
}
