/**
 * The `space-replay` command line: dispatches to `pack`, `validate`, `inspect` and `share`. `run` returns
 * the exit code instead of exiting, so tests call it in-process.
 */
import { ExitCode, type CliIo } from './cli-io.js';
import { clipCommand } from './clip.js';
import { inspectCommand } from './inspect.js';
import { liveCommand } from './live.js';
import { cliDocs, cliVersion } from './package-info.js';
import { packCommand } from './pack.js';
import { redactCommand } from './redact.js';
import { rssCommand } from './rss.js';
import { shareCommand } from './share.js';
import { terminalSafeWriter } from './terminal-text.js';
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
  live: { summary: 'Pack a room while it is recorded: a growing HLS playlist, live peaks and a live manifest', run: liveCommand },
};

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
    'Examples:',
    '  space-replay pack room.wav --out public/rooms/launch --participants participants.json \\',
    '    --transcript room.vtt --diarization room.rttm --expires-in 30d',
    '  space-replay validate public/rooms/launch',
    '  space-replay inspect public/rooms/launch',
    '  space-replay share public/rooms/launch --base-url https://example.org/rooms/launch/ --out public/rooms/launch',
    '',
    'pack needs ffmpeg and ffprobe (apt-get install ffmpeg, brew install ffmpeg); SPACE_REPLAY_FFMPEG and',
    'SPACE_REPLAY_FFPROBE name other binaries. Output is written beside --out and moved into place only',
    'when complete. Exit codes: 0 done, 1 bad input or failure, 2 wrong usage, 128+N stopped by signal N',
    '(130 Ctrl-C, 143 SIGTERM, 129 SIGHUP); partial output is removed.',
    '',
    ...docsLines(),
    '',
  ].join('\n');
}

function docsLines(): string[] {
  const docs = cliDocs();
  return [
    ...(docs.homepage ? [`Home page:     ${docs.homepage}`] : []),
    `Documentation: ${docs.published}`,
    ...(docs.local ? [`               (installed copy: ${docs.local})`] : []),
  ];
}

/**
 * Runs the CLI with `argv` (without `node` and the script) and resolves to the exit code. Every
 * text a command writes passes through `terminalSafe`.
 */
export async function run(argv: readonly string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = {
    ...rawIo,
    stdout: terminalSafeWriter(rawIo.stdout),
    stderr: terminalSafeWriter(rawIo.stderr),
    terminal: rawIo.terminal ?? rawIo.stderr,
  };
  try {
    return await dispatch(argv, io);
  } catch (error) {
    // A bug, not bad input: say so in one line rather than a stack trace of file contents.
    io.stderr.write(`space-replay: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return ExitCode.failure;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
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
