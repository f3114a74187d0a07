/** `space-replay validate`: checks a manifest with `parseManifest` and prints each problem as `path: message`. */
import { existsSync } from 'node:fs';
import { formatIssue, isAbsoluteUrl, listManifestUrls, parseManifest, type ManifestIssue } from '../manifest/index.js';
import { formatHelp, parseCommand, type CommandSpec, type FlagSpec } from './args.js';
import { ExitCode, type CliIo } from './cli-io.js';
import { countOf } from './count.js';
import { loadManifestSource, localFileOf } from './manifest-source.js';

const VALIDATE_SPEC = {
  name: 'validate',
  summary:
    'Validate a manifest (a file, a recording folder, or an http(s) URL). Each problem is printed as\n' +
    '`path: message`. Exit 0 when valid (warnings included), 1 when invalid or unreadable.\n' +
    'For local manifests, relative URLs pointing at missing files are reported as warnings.',
  positionals: ['<manifest.json|dir|URL>'],
  flags: {
    json: { type: 'boolean', description: 'Print {valid, errors, warnings} as JSON' },
  },
  examples: [
    'space-replay validate public/rooms/launch/manifest.json',
    'space-replay validate https://example.com/rooms/launch/manifest.json --json',
  ],
} as const satisfies CommandSpec<Record<string, FlagSpec>>;

/** Runs `validate`; resolves to the exit code. */
export async function validateCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCommand(VALIDATE_SPEC, argv);
  if (!parsed.ok) {
    io.stderr.write(`${parsed.message}\nSee space-replay validate --help.\n`);
    return ExitCode.usage;
  }
  if (parsed.value.help) {
    io.stdout.write(formatHelp(VALIDATE_SPEC));
    return ExitCode.ok;
  }
  const json = parsed.value.values.json === true;
  const source = await loadManifestSource(parsed.value.positionals[0]!, io.cwd ?? process.cwd(), true);
  if (!source.ok) {
    if (json) io.stdout.write(`${JSON.stringify({ valid: false, errors: [{ path: '', message: source.message }], warnings: [] }, null, 2)}\n`);
    else io.stderr.write(`${source.message}\n`);
    return ExitCode.failure;
  }
  const { text, label, dir, url } = source.value;
  const result = parseManifest(text, url ? { baseUrl: url } : {});
  const warnings: ManifestIssue[] = [...result.warnings];
  if (result.ok && dir) {
    for (const ref of listManifestUrls(result.manifest)) {
      if (isAbsoluteUrl(ref.url) || /^[?#]/.test(ref.url)) continue;
      if (!existsSync(localFileOf(dir, ref.url))) warnings.push({ path: ref.path, message: `${ref.url} does not exist next to the manifest` });
    }
  }
  const errors = result.ok ? [] : result.errors;
  if (json) {
    io.stdout.write(`${JSON.stringify({ valid: result.ok, errors, warnings }, null, 2)}\n`);
  } else {
    for (const issue of errors) io.stdout.write(`${formatIssue(issue)}\n`);
    for (const issue of warnings) io.stdout.write(`warning: ${formatIssue(issue)}\n`);
    io.stdout.write(
      result.ok
        ? `${label}: valid${warnings.length ? ` (${countOf(warnings.length, 'warning')})` : ''}\n`
        : `${label}: invalid (${countOf(errors.length, 'error')}${warnings.length ? `, ${countOf(warnings.length, 'warning')}` : ''})\n`,
    );
  }
  return result.ok ? ExitCode.ok : ExitCode.failure;
}
