// How the broker reads its options: command-line flags, BROKER_* environment
// variables and an optional JSON config file (--config), in that order of
// precedence over the defaults (yargs' own order). Every value is checked
// before a command runs; an error names the option and where its value came
// from, and the CLI exits with code 2.
import { readFileSync } from 'node:fs';
import type { ArgumentsCamelCase, Argv, Options } from 'yargs';

export const ENV_PREFIX = 'BROKER';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

const camel = (flag: string) => flag.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
const kebab = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
/** `max-peers` -> `BROKER_MAX_PEERS` */
export const envName = (flag: string) => `${ENV_PREFIX}_${kebab(flag).replace(/-/g, '_').toUpperCase()}`;
const flagOfEnv = (name: string) => name.slice(ENV_PREFIX.length + 1).toLowerCase().replace(/_/g, '-');

let configFile: { path: string; values: Record<string, unknown> } | undefined;

/** The --config parser: a JSON object whose keys are flag names (`"max-peers": 500`). */
export function loadConfigFile(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`--config ${path}: ${(error as Error).message}`);
  }
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch (error) {
    throw new Error(`--config ${path}: not valid JSON: ${(error as Error).message}`);
  }
  if (values === null || typeof values !== 'object' || Array.isArray(values)) {
    throw new Error(`--config ${path}: expected a JSON object of options, like {"port": 9090}`);
  }
  configFile = { path, values: values as Record<string, unknown> };
  return configFile.values;
}

interface Source {
  kind: 'flag' | 'env' | 'file' | 'default';
  /** The value as written there, before yargs turned it into a number or boolean. */
  raw?: unknown;
}

/** The value given on the command line as `--flag V`, `--flag=V` (the last one wins). */
function rawFlag(flag: string): { given: boolean; raw?: string; inline?: boolean } {
  const args = process.argv.slice(2);
  const names = new Set([`--${flag}`, `--${camel(flag)}`]);
  let found: { given: boolean; raw?: string; inline?: boolean } = { given: false };
  args.forEach((arg, i) => {
    const [name, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (names.has(name)) {
      found = inline !== undefined ? { given: true, raw: inline, inline: true }
        : { given: true, raw: args[i + 1]?.startsWith('--') ? undefined : args[i + 1] };
    } else if (name === `--no-${flag}` || name === `--no-${camel(flag)}`) {
      found = { given: true };
    }
  });
  return found;
}

function fileValue(flag: string): { given: boolean; raw?: unknown } {
  if (!configFile) return { given: false };
  for (const key of [flag, camel(flag)]) {
    if (Object.hasOwn(configFile.values, key)) return { given: true, raw: configFile.values[key] };
  }
  return { given: false };
}

/** Where the value of `flag` comes from: flags beat the environment, which beats the config file. */
function sourceOf(flag: string): Source {
  const fromFlag = rawFlag(flag);
  if (fromFlag.given) return { kind: 'flag', raw: fromFlag.raw };
  const env = process.env[envName(flag)];
  if (env !== undefined) return { kind: 'env', raw: env };
  const fromFile = fileValue(flag);
  if (fromFile.given) return { kind: 'file', raw: fromFile.raw };
  return { kind: 'default' };
}

/** `--port (from BROKER_PORT) must be an integer from 0 to 65535, got "http"` */
export function optionError(flag: string, expectation: string, value: unknown): Error {
  const source = sourceOf(flag);
  if (Array.isArray(value) && source.kind === 'flag') return givenTwice(flag);
  const where = source.kind === 'env' ? ` (from ${envName(flag)})`
    : source.kind === 'file' ? ` (from ${configFile?.path})`
      : source.kind === 'default' ? ' (default)' : '';
  const shown = source.raw !== undefined ? source.raw : value;
  return new Error(`--${flag}${where} must be ${expectation}, got ${JSON.stringify(shown) ?? String(shown)}`);
}

// Value checks, as yargs `coerce` functions: they run on the final value, whatever its source.

export function integerIn(flag: string, min: number, max = Number.MAX_SAFE_INTEGER) {
  return (value: unknown): number => {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw optionError(flag, max === Number.MAX_SAFE_INTEGER ? `an integer >= ${min}` : `an integer from ${min} to ${max}`, value);
    }
    return value;
  };
}

export function nonNegativeNumber(flag: string, max = Infinity) {
  return (value: unknown): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
      throw optionError(flag, max === Infinity ? 'a non-negative number' : `a number from 0 to ${max}`, value);
    }
    return value;
  };
}

export function webSocketUrl(flag: string) {
  return (value: unknown): string => {
    let url: URL | undefined;
    try {
      url = typeof value === 'string' ? new URL(value) : undefined;
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) throw optionError(flag, 'a ws:// or wss:// URL', value);
    return value as string;
  };
}

/** A stringList check: throws unless `item` is a ws:// or wss:// URL. */
export function isWebSocketUrl(item: string): void {
  let url: URL | undefined;
  try {
    url = new URL(item);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'ws:' && url.protocol !== 'wss:')) throw new Error('a ws:// or wss:// URL');
}

/** A repeatable string option; one environment variable may hold several values separated by spaces. */
export function stringList(flag: string, check: (item: string) => void = () => undefined) {
  return (value: unknown): string[] => {
    const items = (Array.isArray(value) ? value : [value]).flatMap((item) => {
      if (typeof item !== 'string') throw optionError(flag, 'a string or a list of strings', item);
      return item.split(/\s+/).filter(Boolean);
    });
    for (const item of items) {
      try {
        check(item);
      } catch (error) {
        throw optionError(flag, (error as Error).message, item);
      }
    }
    return items;
  };
}

/** --log-level and --log-format, on every command that runs broker processes. */
export function logOptions(defaultLevel: (typeof LOG_LEVELS)[number]) {
  return {
    'log-level': { choices: LOG_LEVELS, default: defaultLevel, description: 'pino level' },
    'log-format': {
      choices: LOG_FORMATS,
      default: defaultLogFormat(),
      defaultDescription: 'pretty if stderr is a terminal, else json',
      description: 'Log lines on stderr: json (one pino object a line) or pretty (for people)',
    },
  } as const satisfies Record<string, Options>;
}

export function defaultLogFormat(): LogFormat {
  return process.stderr.isTTY ? 'pretty' : 'json';
}

// The global part, registered once on the root yargs instance (cli/broker.ts).

/** yargs collects a repeated flag into an array; an option that takes one value says so. */
const givenTwice = (flag: string) => new Error(`--${flag} was given more than once; it takes one value`);

/** What yargs knows of the running command's options (internal API of yargs 18, pinned). */
interface OptionState {
  key: Record<string, unknown>;
  array: string[];
  boolean: string[];
  number: string[];
  alias: Record<string, string[]>;
}

function optionState(cli: Argv): OptionState {
  return (cli as unknown as { getOptions(): OptionState }).getOptions();
}

const GLOBAL_KEYS = new Set(['help', 'version', 'config', 'print-config']);

function knownFlags(options: OptionState): Set<string> {
  const flags = new Set<string>();
  for (const key of [...Object.keys(options.key), ...Object.values(options.alias).flat()]) {
    flags.add(kebab(key));
  }
  return flags;
}

/**
 * Before yargs validates (a middleware): drops BROKER_* variables that are not
 * options of the running command. The environment is shared, by `broker
 * cluster` with its children, by a shell or a compose file, so a variable of
 * another command must not stop this one; `--print-config` shows what applied.
 */
export function dropForeignEnvironment(cli: Argv) {
  return (argv: Record<string, unknown>): void => {
    const known = knownFlags(optionState(cli));
    for (const name of Object.keys(process.env)) {
      if (!name.startsWith(`${ENV_PREFIX}_`)) continue;
      const flag = flagOfEnv(name);
      if (known.has(flag) || rawFlag(flag).given || fileValue(flag).given) continue;
      delete argv[flag];
      delete argv[camel(flag)];
    }
    // Unknown config file keys are reported by checkOptionValues, naming the file, rather than by yargs' strict mode.
    for (const key of Object.keys(configFile?.values ?? {})) {
      if (known.has(kebab(key)) && !GLOBAL_KEYS.has(kebab(key))) continue;
      unknownConfigKeys.push(key);
      delete argv[key];
      delete argv[kebab(key)];
      delete argv[camel(kebab(key))];
    }
  };
}

const unknownConfigKeys: string[] = [];

/**
 * A global yargs check: rejects config file keys that are no option of the
 * command, and booleans and numbers that did not parse (yargs alone reads
 * BROKER_HUB=yes as false and --port=http as NaN).
 */
export function checkOptionValues(cli: Argv) {
  return (argv: Record<string, unknown>): true => {
    const options = optionState(cli);
    if (configFile && unknownConfigKeys.length > 0) {
      throw new Error(`--config ${configFile.path}: unknown option ${unknownConfigKeys.map((key) => `"${key}"`).join(', ')} (keys are the flag names of this command, see --help)`);
    }
    const repeatable = new Set(options.array.map(kebab));
    for (const flag of Object.keys(options.key).map(kebab)) {
      if (!repeatable.has(flag) && Array.isArray(argv[flag]) && sourceOf(flag).kind === 'flag') throw givenTwice(flag);
    }
    for (const flag of options.boolean.map(kebab)) {
      if (GLOBAL_KEYS.has(flag)) continue;
      const source = sourceOf(flag);
      // On the command line only `--flag=V` is checked: after a bare `--flag`, yargs reads a word as positional.
      const raw = source.kind === 'flag' && !rawFlag(flag).inline ? undefined : source.raw;
      const ok = source.kind === 'file' ? typeof raw === 'boolean'
        : source.kind === 'default' || raw === undefined || raw === 'true' || raw === 'false';
      if (!ok) throw optionError(flag, 'true or false', source.raw);
    }
    for (const flag of options.number.map(kebab)) {
      const value = argv[flag];
      const values = Array.isArray(value) ? value : [value];
      if (value !== undefined && values.some((item) => typeof item !== 'number' || Number.isNaN(item))) {
        throw optionError(flag, 'a number', value);
      }
    }
    return true;
  };
}

/**
 * After validation: with --print-config, prints the resolved options as a JSON
 * config file and exits 0 (inline secrets are printed as <redacted>).
 */
export function printConfigAndExit(cli: Argv) {
  return (argv: Record<string, unknown>): Promise<void> | void => {
    if (!argv['print-config']) return;
    const options = optionState(cli);
    const resolved: Record<string, unknown> = {};
    for (const flag of [...knownFlags(options)].sort()) {
      if (GLOBAL_KEYS.has(flag) || argv[flag] === undefined) continue;
      // Secrets given inline stay out of terminals and logs; their -file variants are paths.
      resolved[flag] = /secret|password|(^|-)token$/.test(flag) && !flag.endsWith('-file') ? '<redacted>' : argv[flag];
    }
    return new Promise(() => process.stdout.write(`${JSON.stringify(resolved, null, 2)}\n`, () => process.exit(0)));
  };
}

export const configDescription =
  `JSON file of options, keys named like the flags ({"max-peers": 500}); flags and ${ENV_PREFIX}_* variables override it`;

export const globalOptions = {
  'print-config': {
    type: 'boolean',
    default: false,
    description: 'Print the resolved options as JSON (a valid --config file) and exit',
  },
} as const satisfies Record<string, Options>;

export const optionsEpilogue = [
  `Every option is also an environment variable, ${ENV_PREFIX}_ and the flag in upper snake case`,
  `(${ENV_PREFIX}_MAX_PEERS=500, ${ENV_PREFIX}_HUB=true), and a key of the --config file.`,
  'Precedence: flags, then environment, then config file, then defaults.',
  'A bad value exits with code 2 and names the option; a port in use exits with 3. See docs/CONFIGURATION.md.',
].join('\n');

/** A command of `broker`: what its --help shows, its options and what it runs. */
export interface BrokerCommand<U> {
  /** The command and its positionals: 'loadtest <scenario>'. */
  name: string;
  /** One line: the command's line in `broker --help`, and with a period the description in its own. */
  summary: string;
  /** Two or more: [command line, what it does]. */
  examples: readonly [string, string][];
  /** The options most users need, listed first (yargs' first group, "Options:"). */
  main: readonly string[];
  /** Declares the command's options (and positionals). */
  options: (y: Argv) => Argv<U>;
  run: (argv: ArgumentsCamelCase<U>) => Promise<void>;
}

/**
 * Adds `command` to the broker command. Its --help: a usage line and the
 * examples first, then the summary, then the main options, then the other
 * groups as the command declares them (its limits last).
 */
export function addCommand<U>(yargs: Argv, command: BrokerCommand<U>): Argv {
  const { name, summary, examples, main } = command;
  const usage = [`Usage: $0 ${name} [options]`, '', ...examples.map(([line, what]) => `${line}  # ${what}`), '', `${summary}.`];
  // Naming the default group first makes it the first group printed, with these options at its top.
  return yargs.command(name, summary, (y) => command.options(y.usage(usage.join('\n')).group([...main], 'Options:')), command.run);
}

/** Exit codes of the broker command: 2 a bad command line or option; 1 a failure at run time; 3 a port already in use; 4 nothing to kick; 5 NATS unreachable; 6 a load test missed a threshold. */
export const EXIT_USAGE = 2;
export const COMMANDS = ['coordinator', 'commserver', 'cluster', 'loadtest', 'kick'] as const;
export const EXIT_RUNTIME = 1;
export const EXIT_PORT_IN_USE = 3;
/** `broker kick`: the coordinator knows no such client. */
export const EXIT_NOT_FOUND = 4;
/** A coordinator given --nats cannot reach NATS (or its JetStream) at start. */
export const EXIT_NATS_UNREACHABLE = 5;
/** `broker loadtest`: the run completed, and a figure missed its --max-* threshold. */
export const EXIT_THRESHOLDS_MISSED = 6;

/** A failure at run time, not in the command line: reported without the --help hint. */
export class RuntimeFailure extends Error {
  constructor(message: string, readonly exitCode: number = EXIT_RUNTIME) {
    super(message);
  }
}

/**
 * How the broker command reports `error` and the exit code to use: errors
 * from the system (a port in use, an address that does not exist) and
 * RuntimeFailure are run-time failures; everything else is a usage error.
 */
export function failureReport(error: Error | undefined, message: string | undefined): { text: string; exitCode: number } {
  if (error instanceof RuntimeFailure) return { text: `broker: ${error.message}\n`, exitCode: error.exitCode };
  const system = error as (Error & { code?: unknown; syscall?: unknown; address?: unknown; port?: unknown }) | undefined;
  if (system && typeof system.syscall === 'string') {
    if (system.code === 'EADDRINUSE') {
      const where = system.port !== undefined ? `${String(system.address)}:${String(system.port)}` : 'the address';
      return { text: `broker: ${where} is already in use (another broker?): pick another port\n`, exitCode: EXIT_PORT_IN_USE };
    }
    return { text: `broker: ${system.message}\n`, exitCode: EXIT_RUNTIME };
  }
  let text = error?.message ?? message ?? 'bad command line';
  if (/^Unknown command/.test(text)) text += ` (the commands: ${COMMANDS.join(', ')})`;
  return { text: `broker: ${text}\nRun with --help for the options.\n`, exitCode: EXIT_USAGE };
}

/**
 * A system error nothing awaited (an unhandled rejection) ends the process
 * the way the command's own failures do: one line, the exit code of
 * failureReport, no stack. Anything else is thrown again, as Node would.
 */
export function reportUnhandledSystemErrors(): void {
  process.on('unhandledRejection', (reason) => {
    if (!(reason instanceof Error) || typeof (reason as { syscall?: unknown }).syscall !== 'string') throw reason;
    const { text, exitCode } = failureReport(reason, undefined);
    process.stderr.write(text, () => process.exit(exitCode));
  });
}
