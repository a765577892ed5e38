// Child processes for the slow-consumer and churn tests: a comm server (so its
// RSS and file descriptors can be read from /proc) and clients (so one can be
// SIGSTOPped). Their stdout lines and stderr pino JSON lines are kept, and a
// test awaits a line by predicate, bounded by a timeout.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { COMM_SERVER_REGISTERED } from '../../shared/processes.js';

const brokerEntry = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));
const slowClientEntry = fileURLToPath(new URL('./slow-client.js', import.meta.url));

type Line = { stream: 'stdout'; text: string } | { stream: 'stderr'; json: Record<string, unknown> };

export class Child {
  static readonly running = new Set<Child>();
  readonly process: ChildProcess;
  readonly lines: Line[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #waiters = new Set<{ test: (line: Line) => boolean; resolve: (line: Line) => void }>();

  constructor(args: string[]) {
    this.process = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    Child.running.add(this);
    this.exited = once(this.process, 'exit').then(([code, signal]) => {
      Child.running.delete(this);
      return { code: code as number | null, signal: signal as NodeJS.Signals | null };
    });
    createInterface({ input: this.process.stdout! }).on('line', (text) => this.#add({ stream: 'stdout', text }));
    createInterface({ input: this.process.stderr! }).on('line', (text) => {
      try {
        this.#add({ stream: 'stderr', json: JSON.parse(text) as Record<string, unknown> });
      } catch {
        this.#add({ stream: 'stderr', json: { msg: text } });
      }
    });
  }

  static commServer(coordinatorUrl: string, args: string[] = []): Child {
    return new Child([brokerEntry, 'commserver', '--coordinator-url', coordinatorUrl, '--log-level', 'info', ...args]);
  }

  static slowClient(coordinatorUrl: string, topics: string[]): Child {
    return new Child([slowClientEntry, coordinatorUrl, topics.join(',')]);
  }

  /** The serving process: a comm server reports its own (a child of this one on Node without process.execve). */
  get pid(): number {
    return this.#servingPid ?? this.process.pid!;
  }

  #servingPid: number | undefined;

  #add(line: Line): void {
    if (line.stream === 'stdout') this.#servingPid ??= Number(COMM_SERVER_REGISTERED.exec(line.text)?.[2] ?? NaN) || undefined;
    this.lines.push(line);
    if (this.lines.length > 20_000) this.lines.splice(0, 5_000);
    for (const waiter of this.#waiters) {
      if (waiter.test(line)) {
        this.#waiters.delete(waiter);
        waiter.resolve(line);
      }
    }
  }

  /** The first line (already seen or to come) that passes `test`. */
  waitFor(test: (line: Line) => boolean, what: string, timeoutMs = 20_000): Promise<Line> {
    const seen = this.lines.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        test,
        resolve: (line: Line) => {
          clearTimeout(timer);
          resolve(line);
        },
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(waiter);
        reject(new Error(`no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.#waiters.add(waiter);
      void this.exited.then(({ code, signal }) => {
        if (!this.#waiters.delete(waiter)) return;
        clearTimeout(timer);
        reject(new Error(`process exited (${code ?? signal}) before ${what}`));
      });
    });
  }

  /** The capture groups of the first stdout line matching `pattern`. */
  async stdout(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray> {
    const line = await this.waitFor((l) => l.stream === 'stdout' && pattern.test(l.text), `stdout ${pattern}`, timeoutMs);
    return pattern.exec((line as { text: string }).text)!;
  }

  /** The first stderr log line whose fields include `fields`. */
  async log(fields: Record<string, unknown>, timeoutMs?: number): Promise<Record<string, unknown>> {
    const matches = (line: Line) => line.stream === 'stderr' && Object.entries(fields).every(([key, value]) => line.json[key] === value);
    const line = await this.waitFor(matches, `log ${JSON.stringify(fields)}`, timeoutMs);
    return (line as { json: Record<string, unknown> }).json;
  }

  logs(fields: Record<string, unknown>): Array<Record<string, unknown>> {
    return this.lines.flatMap((line) => (line.stream === 'stderr' && Object.entries(fields).every(([key, value]) => line.json[key] === value) ? [line.json] : []));
  }

  /** Resident set size in bytes, from /proc/<pid>/status. */
  rss(): number {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
    if (!match) throw new Error('no VmRSS');
    return Number(match[1]) * 1024;
  }

  /** Open file descriptors (sockets included), from /proc/<pid>/fd. */
  fdCount(): number {
    return readdirSync(`/proc/${this.pid}/fd`).length;
  }

  signal(signal: NodeJS.Signals): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill(signal);
  }

  /** SIGCONT (in case it was stopped), then SIGKILL; resolves once it exited. */
  async kill(): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.kill('SIGCONT');
    this.process.kill('SIGKILL');
    await this.exited;
  }

  /** SIGTERM and wait (SIGKILL after `graceMs`). */
  async stop(graceMs = 5_000): Promise<void> {
    if (this.process.exitCode !== null || this.process.signalCode !== null) return;
    this.process.kill('SIGCONT');
    this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.process.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  static async killAll(): Promise<void> {
    await Promise.all([...Child.running].map((child) => child.kill()));
  }
}
