/**
 * Command-line flag parsing on top of `node:util` `parseArgs`, with the help text generated from
 * the same flag table so the two never disagree.
 */
import { parseArgs } from 'node:util';
import { fail, ok, type Outcome } from './outcome.js';

/** One `--flag`: its type, optional short alias and the text shown by `--help`. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  /** Placeholder for the value in the help text, e.g. `<dir>`. */
  placeholder?: string;
  description: string;
}

/** A command: its flags, positional arguments and help text. */
export interface CommandSpec<F extends Record<string, FlagSpec>> {
  name: string;
  summary: string;
  /** Positional arguments shown in the usage line, e.g. `<audio>`. */
  positionals: readonly string[];
  /** How many positionals may be omitted from the end (default: none). */
  optionalPositionals?: number;
  /** The last positional may be given any number of times (at least once unless optional). */
  variadic?: boolean;
  flags: F;
  examples: readonly string[];
}

/** The typed values of a command's flags (absent when not given). */
export type FlagValues<F extends Record<string, FlagSpec>> = {
  [K in keyof F]?: F[K]['type'] extends 'boolean' ? boolean : F[K]['multiple'] extends true ? string[] : string;
};

/** What `parseCommand` returns: the flags, the positionals and whether `--help` was asked for. */
export interface ParsedCommand<F extends Record<string, FlagSpec>> {
  values: FlagValues<F>;
  positionals: string[];
  help: boolean;
}

/** Parses `argv` against `spec`; unknown flags, missing values and wrong positional counts fail. */
export function parseCommand<F extends Record<string, FlagSpec>>(
  spec: CommandSpec<F>,
  argv: readonly string[],
): Outcome<ParsedCommand<F>> {
  const options: Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, flag] of Object.entries(spec.flags)) {
    options[name] = {
      type: flag.type,
      ...(flag.short ? { short: flag.short } : {}),
      ...(flag.multiple ? { multiple: true } : {}),
    };
  }
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: attachDashValues(argv, options), options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs reports usage mistakes by throwing; turn them into a message naming the command.
    return fail(`space-replay ${spec.name}: ${describeParseError(error, options)}`);
  }
  const help = parsed.values['help'] === true;
  delete parsed.values['help'];
  if (!help) {
    const max = spec.variadic ? Infinity : spec.positionals.length;
    const min = spec.positionals.length - (spec.optionalPositionals ?? 0);
    if (parsed.positionals.length < min) {
      return fail(`space-replay ${spec.name}: missing ${spec.positionals[parsed.positionals.length]}`);
    }
    if (parsed.positionals.length > max) {
      return fail(`space-replay ${spec.name}: unexpected argument '${parsed.positionals[max]}'`);
    }
  }
  return ok({ values: parsed.values as FlagValues<F>, positionals: parsed.positionals, help });
}

type ParseOptions = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/**
 * `parseArgs` refuses `--expires-in -5d` as ambiguous (the value could be an option), where getopt
 * would take it. A value that starts with `-` but is no option of this command is attached to its
 * flag (`--expires-in=-5d`), so both spellings mean the same and the flag's own check says what is
 * wrong with the value; one that is an option (`--out -f`) stays ambiguous.
 */
function attachDashValues(argv: readonly string[], options: ParseOptions): string[] {
  const longs = new Set(Object.keys(options));
  const shorts = new Map(Object.entries(options).flatMap(([name, o]) => (o.short ? [[o.short, name] as const] : [])));
  const isOption = (arg: string): boolean =>
    arg === '--' || (arg.startsWith('--') ? longs.has(arg.slice(2).split('=')[0]!) : shorts.has(arg[1] ?? ''));
  const takesValue = (arg: string): string | undefined => {
    const name = arg.startsWith('--') ? arg.slice(2) : arg.length === 2 ? shorts.get(arg[1]!) : undefined;
    return name !== undefined && options[name]?.type === 'string' ? name : undefined;
  };
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      out.push(...argv.slice(i));
      break;
    }
    const name = takesValue(arg);
    const next = argv[i + 1];
    if (name !== undefined && next !== undefined && next.startsWith('-') && next !== '-' && !isOption(next)) {
      out.push(`--${name}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

function describeParseError(error: unknown, options: ParseOptions): string {
  const message = error instanceof Error ? error.message : String(error);
  const ambiguous = /^Option '(-[^']*)' argument is ambiguous/.exec(message);
  if (ambiguous) {
    const flag = ambiguous[1]!;
    const long = flag.startsWith('--') ? flag : `--${Object.entries(options).find(([, o]) => `-${o.short}` === flag)?.[0] ?? flag.slice(1)}`;
    return `${flag} needs a value, but an option follows it (for a value that starts with "-", write ${long}=VALUE)`;
  }
  // Node's messages end with advice about `--` that is noise for this tool.
  return message.replace(/\. To specify a positional argument.*$/s, '').replace(/\.$/, '');
}

/** The `--help` text of a command. */
export function formatHelp<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>): string {
  const rows: [string, string][] = Object.entries(spec.flags).map(([name, flag]) => {
    const short = flag.short ? `-${flag.short}, ` : '    ';
    const value = flag.type === 'string' ? ` ${flag.placeholder ?? '<value>'}` : '';
    return [`${short}--${name}${value}`, flag.description];
  });
  rows.push(['-h, --help', 'Show this help']);
  const width = Math.max(...rows.map(([left]) => left.length));
  const lines = [
    `Usage: space-replay ${spec.name} ${spec.positionals.join(' ')} [options]`.replace(/ +/g, ' '),
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
  ];
  if (spec.examples.length > 0) lines.push('', 'Examples:', ...spec.examples.map((example) => `  ${example}`));
  return `${lines.join('\n')}\n`;
}
