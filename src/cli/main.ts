/**
 * The `space-replay` command line: dispatches to `pack`, `validate`, `inspect` and `share`. `run` returns
 * the exit code instead of exiting, so tests call it in-process.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ExitCode, type CliIo } from './cli-io.js';
import { clipCommand } from './clip.js';
import { inspectCommand } from './inspect.js';
import { packCommand } from './pack.js';
import { redactCommand } from './redact.js';
import { rssCommand } from './rss.js';
import { shareCommand } from './share.js';
import { validateCommand } from './validate.js';

/** A subcommand: its one-line summary and its runner. */
interface Subcommand {
  summary: string;
  run(argv: readonly string[], io: CliIo): Promise<number>;
}

const COMMANDS: Record<string, Subcommand> = {
  pack: { summary: 'Turn an audio file (+ transcript, diarization, participants) into a hostable recording folder', run: packCommand },
  validate: { summary: 'Check a manifest (file or URL) and print each problem as `path: message`', run: validateCommand },
  inspect: { summary: 'Summarise a recording folder or manifest: duration, participants, consent, expiry', run: inspectCommand },
  share: { summary: 'Write the share page (Open Graph, Twitter player card, oEmbed) of a recording or a clip', run: shareCommand },
  redact: { summary: 'Silence a participant or time ranges in a packed folder, in place: audio, transcripts, waveform, manifest', run: redactCommand },
  clip: { summary: 'Write a clip as a file: .m4a or .mp3 audio, or an .mp4 audiogram with captions', run: clipCommand },
  rss: { summary: 'Write a podcast feed (RSS, Podcasting 2.0) of packed recordings or a list feed', run: rssCommand },
};

/** The version in space-replay's package.json, found by walking up from this module (source or bundle). */
export function cliVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'space-replay' && pkg.version) return pkg.version;
    } catch {
      // No readable package.json here: keep walking up.
    }
    const parent = dirname(dir);
    if (parent === dir) return 'unknown';
    dir = parent;
  }
}

function topHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'Usage: space-replay <command> [options]',
    '',
    'Prepare recorded audio rooms for the <space-replay> player.',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Options:',
    '  -h, --help     Show help (also after a command: space-replay pack --help)',
    '  -v, --version  Show the version',
    '',
    'Docs: docs/cli.md',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    io.stdout.write(topHelp());
    return first === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${cliVersion()}\n`);
    return ExitCode.ok;
  }
  const command = Object.hasOwn(COMMANDS, first) ? COMMANDS[first] : undefined;
  if (!command) {
    const what = first.startsWith('-') ? `unknown option '${first}'` : `unknown command '${first}'`;
    io.stderr.write(`space-replay: ${what}. Commands: ${Object.keys(COMMANDS).join(', ')}. See space-replay --help.\n`);
    return ExitCode.usage;
  }
  return command.run(rest, io);
}
