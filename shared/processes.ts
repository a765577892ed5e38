// Broker processes as children: the local cluster, the load-test harness and
// the process-level tests start coordinators and comm servers through here.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

import { STOP_WITH_PARENT } from './parent-watch.js';

const brokerEntry = fileURLToPath(new URL('../cli/broker.js', import.meta.url));

export interface BrokerProcessOptions {
  /** Where the child's pino logs go: inherited (the terminal) or dropped. */
  stderr?: 'inherit' | 'ignore';
  env?: NodeJS.ProcessEnv;
  /** Flags for node itself, before the broker's entry point. */
  nodeArgs?: readonly string[];
  /** The `broker` command to run; this build's dist/cli/broker.js by default. */
  entry?: string;
}

export class BrokerProcess {
  readonly child: ChildProcess;
  #lines: string[] = [];
  #waiters = new Set<{ test: (line: string) => boolean; resolve: (line: string) => void }>();
  readonly exited: Promise<number | null>;

  constructor(args: string[], options: BrokerProcessOptions = {}) {
    // The child's stdin is a pipe from this process: when this process dies, however it dies, the pipe
    // closes and the child stops (see shared/parent-watch.ts). No orphans from a killed cluster or test.
    this.child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry ?? brokerEntry, ...args], {
      stdio: ['pipe', 'pipe', options.stderr ?? 'inherit'],
      env: { ...(options.env ?? process.env), [STOP_WITH_PARENT]: '1' },
    });
    this.exited = once(this.child, 'exit').then(([code]) => code as number | null);
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      this.#lines.push(line);
      if (this.#lines.length > 100) this.#lines.shift();
      for (const waiter of this.#waiters) {
        if (waiter.test(line)) {
          this.#waiters.delete(waiter);
          waiter.resolve(line);
        }
      }
    });
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  /** The next stdout line matching `pattern` (or one already printed, if `seen` allows). */
  waitForLine(pattern: RegExp, { timeoutMs = 20_000, seen = true } = {}): Promise<RegExpExecArray> {
    const earlier = seen ? this.#lines.find((line) => pattern.test(line)) : undefined;
    if (earlier) return Promise.resolve(pattern.exec(earlier)!);
    return new Promise((resolve, reject) => {
      const waiter = {
        test: (line: string) => pattern.test(line),
        resolve: (line: string) => {
          clearTimeout(timer);
          void exitedFirst.catch(() => undefined);
          resolve(pattern.exec(line)!);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms`));
      }, timeoutMs);
      const exitedFirst = this.exited.then((code) => {
        if (!this.#waiters.has(waiter)) return;
        this.#waiters.delete(waiter);
        clearTimeout(timer);
        reject(Object.assign(new Error(`process exited (${code}) before printing ${pattern}`), { exitCode: code }));
      });
      this.#waiters.add(waiter);
    });
  }

  /** `signal` (SIGTERM drains a comm server, SIGINT closes it), then SIGKILL if it has not exited within `graceMs`. */
  async stop(graceMs = 5_000, signal: 'SIGTERM' | 'SIGINT' = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

export interface CoordinatorProcessOptions extends BrokerProcessOptions {
  port?: number;
  topology?: 'mesh' | 'star';
  logLevel?: string;
  args?: string[];
}

export async function startCoordinatorProcess(options: CoordinatorProcessOptions = {}) {
  const process = new BrokerProcess([
    'coordinator', '--port', String(options.port ?? 0), '--topology', options.topology ?? 'mesh',
    '--log-level', options.logLevel ?? 'warn', ...(options.args ?? []),
  ], options);
  const [, url] = await process.waitForLine(/^coordinator listening on (\S+)/);
  return { process, url };
}

/**
 * The line a comm server prints once registered, with its alias and its pid:
 * the process that serves, which on Node without process.execve is a child of
 * the one started (cli/v8-heap.ts).
 */
export const COMM_SERVER_REGISTERED = /^comm server registered as alias (\d+) \(pid (\d+)\)/;

export interface CommServerProcessOptions extends BrokerProcessOptions {
  /** One coordinator, or several of a cluster (a --coordinator-url each). */
  coordinatorUrl: string | readonly string[];
  hub?: boolean;
  logLevel?: string;
  args?: string[];
}

export async function startCommServerProcess(options: CommServerProcessOptions) {
  const process = new BrokerProcess([
    'commserver', ...[options.coordinatorUrl].flat().flatMap((url) => ['--coordinator-url', url]), '--log-level', options.logLevel ?? 'warn',
    ...(options.hub ? ['--hub'] : []), ...(options.args ?? []),
  ], options);
  const [, alias, pid] = await process.waitForLine(COMM_SERVER_REGISTERED);
  return { process, alias: Number(alias), pid: Number(pid) };
}

/** Resolves when the comm server reports `count` linked servers. */
export function serversLinked(process: BrokerProcess, count: number, timeoutMs = 20_000): Promise<unknown> {
  return process.waitForLine(new RegExp(`^servers linked: ${count}$`), { timeoutMs });
}
