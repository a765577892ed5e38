// The V8 heap settings a comm server applies to its own process, however it
// was started (`broker commserver`, `broker cluster`, the load test, a
// container). Why and what they measured: docs/CONFIGURATION.md, Memory.
//
// V8 reads --heap-growing-percent at every major collection, so it is set
// once the process runs. The young generation's size is fixed when V8 creates
// the heap: v8.setFlagsFromString('--max-semi-space-size=4') in a running
// process changes nothing (measured: the new space still grew to 2 x 16 MiB on
// Node 20, 2 x 32 MiB on Node 24). So the process starts itself again with
// the node flag: in place where Node has process.execve (22.15, 23.11 and
// later: same pid, same stdio), else as a child that it supervises.
import { spawn } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import type { Options } from 'yargs';
import { integerIn } from './options.js';
import { STOP_WITH_PARENT } from './parent-watch.js';

export const heapGrowingOptions = {
  'heap-growing-percent': {
    type: 'number', default: 20, group: 'Memory:', coerce: integerIn('heap-growing-percent', 0, 1000),
    description: 'Collect the old generation once it has grown this many percent over its live size; 0 leaves it to V8, which lets promoted garbage about double it',
  },
  'max-semi-space-size': {
    type: 'number', default: 4, group: 'Memory:', coerce: integerIn('max-semi-space-size', 0, 256),
    description: "Cap of V8's young generation, MiB per semi-space (node's flag of that name, which this process applies to itself by starting "
      + 'again with it); 0 leaves V8 its default (16 MiB on Node 20, 32 on Node 24) or a node flag given at start',
  },
} satisfies Record<string, Options>;

export function applyHeapGrowingPercent(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

const SEMI_SPACE_FLAG = /^--max[-_]semi[-_]space[-_]size=(\d+)$/;

/** The semi-space cap (MiB) V8 got at start: the last node flag of the command line, else of NODE_OPTIONS; undefined if none. */
export function startupSemiSpaceMib(execArgv: readonly string[], nodeOptions = ''): number | undefined {
  const last = (flags: readonly string[]) => flags.map((flag) => SEMI_SPACE_FLAG.exec(flag)?.[1]).filter((value) => value !== undefined).at(-1);
  const value = last(execArgv) ?? last(nodeOptions.split(/\s+/));
  return value === undefined ? undefined : Number(value);
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
export async function applySemiSpaceSize(mib: number): Promise<void> {
  if (mib === 0 || startupSemiSpaceMib(process.execArgv, process.env.NODE_OPTIONS) === mib) return;
  // The flag after the others wins over an earlier one and over NODE_OPTIONS.
  const args = [...process.execArgv, `--max-semi-space-size=${mib}`, ...process.argv.slice(1)];
  const execve = (process as unknown as { execve?: Execve }).execve;
  if (execve) execve(process.execPath, [process.execPath, ...args], process.env);
  // The child's stdin is a pipe from this process: if this one dies, even by SIGKILL, the child stops (parent-watch.ts).
  const child = spawn(process.execPath, args, { stdio: ['pipe', 'inherit', 'inherit'], env: { ...process.env, [STOP_WITH_PARENT]: '1' } });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode, exitSignal) => resolve([exitCode, exitSignal]));
  });
  process.exit(code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGINT' ? 2 : 15));
}
