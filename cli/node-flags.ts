// A comm server's young-generation cap, which V8 takes only at start (why:
// cli/v8-heap.ts and docs/CONFIGURATION.md, Memory). The process starts
// itself again with node's --max-semi-space-size: in place where Node has
// process.execve (22.15, 23.11 and later), else as a child it supervises.
//
// The `broker` entry calls restartForCommServer first, before it loads
// yargs and the commands: on Node 20 the supervising process then stays
// small (about 7 MiB of its own memory, against 30 MiB once the commands are
// loaded). It reads only what it needs; the command's own parse checks the
// result and restarts from there if this read something else.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { STOP_WITH_PARENT } from '../shared/parent-watch.js';

export const DEFAULT_SEMI_SPACE_MIB = 4;
export const MAX_SEMI_SPACE_MIB = 256;

const SEMI_SPACE_FLAG = /^--max[-_]semi[-_]space[-_]size=(\d+)$/;

/** The semi-space cap (MiB) V8 got at start: the last node flag of the command line, else of NODE_OPTIONS; undefined if none. */
export function startupSemiSpaceMib(execArgv: readonly string[], nodeOptions = ''): number | undefined {
  const last = (flags: readonly string[]) => flags.map((flag) => SEMI_SPACE_FLAG.exec(flag)?.[1]).filter((value) => value !== undefined).at(-1);
  const value = last(execArgv) ?? last(nodeOptions.split(/\s+/));
  return value === undefined ? undefined : Number(value);
}

/**
 * The --max-semi-space-size a `broker commserver` command line asks for
 * (flag, then BROKER_MAX_SEMI_SPACE_SIZE, then the --config file, then the
 * default), read without yargs; undefined when `args` is not a comm server's
 * run or a value is not a valid one (the full parse then reports it).
 */
export function requestedSemiSpaceMib(args: readonly string[], env: NodeJS.ProcessEnv): number | undefined {
  if (!args.includes('commserver') || args.some((arg) => /^--(help|version|print-config)$/.test(arg) || arg === '-h')) return undefined;
  const flagValue = (names: string[]): string | undefined => {
    let value: string | undefined;
    args.forEach((arg, i) => {
      for (const name of names) {
        if (arg === `--${name}`) value = args[i + 1];
        else if (arg.startsWith(`--${name}=`)) value = arg.slice(name.length + 3);
      }
    });
    return value;
  };
  let raw: unknown = flagValue(['max-semi-space-size', 'maxSemiSpaceSize']) ?? env.BROKER_MAX_SEMI_SPACE_SIZE;
  if (raw === undefined) {
    const config = flagValue(['config']) ?? env.BROKER_CONFIG;
    if (config !== undefined) {
      try {
        const values = JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>;
        raw = values['max-semi-space-size'] ?? values.maxSemiSpaceSize;
      } catch {
        return undefined;
      }
    }
  }
  const mib = raw === undefined ? DEFAULT_SEMI_SPACE_MIB : typeof raw === 'number' ? raw : /^\d+$/.test(String(raw)) ? Number(raw) : NaN;
  return Number.isInteger(mib) && mib >= 0 && mib <= MAX_SEMI_SPACE_MIB ? mib : undefined;
}

/** Node's own exec (22.15, 23.11 and later); not in the Node 20 typings. */
type Execve = (file: string, args: string[], env: NodeJS.ProcessEnv) => never;

/**
 * Makes this process run with V8 semi-spaces of at most `mib` MiB (0: leave
 * them). Returns when they are already so; otherwise starts the process again
 * with the flag and never returns: replaced by it (process.execve), or
 * waiting for the child and exiting with its exit code, passing on the stop
 * signals.
 */
export async function restartWithSemiSpace(mib: number): Promise<void> {
  if (mib === 0 || startupSemiSpaceMib(process.execArgv, process.env.NODE_OPTIONS) === mib) return;
  // The flag after the others wins over an earlier one and over NODE_OPTIONS.
  const args = [...process.execArgv, `--max-semi-space-size=${mib}`, ...process.argv.slice(1)];
  const execve = (process as unknown as { execve?: Execve }).execve;
  if (execve) execve(process.execPath, [process.execPath, ...args], process.env);
  // The child's stdin is a pipe from this process: if this one dies, even by SIGKILL, the child stops (shared/parent-watch.ts).
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'inherit', 'inherit'], env: { ...process.env, [STOP_WITH_PARENT]: '1' } });
  // With the `broker` entry's stopWithParent, a SIGINT this process sends itself when its own parent is gone reaches the child too.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  process.exit(code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGINT' ? 2 : 15));
}

/** The `broker` entry's first step: a comm server's command line gets its node flag before anything loads. */
export async function restartForCommServer(args: readonly string[]): Promise<void> {
  const mib = requestedSemiSpaceMib(args, process.env);
  if (mib !== undefined) await restartWithSemiSpace(mib);
}
