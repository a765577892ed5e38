// The load generator's worker processes, seen from the run: fork them, send
// them commands, and await one answer of a kind from each.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import type { FromWorker, ToWorker } from './ipc.js';

const workerEntry = fileURLToPath(new URL('./worker.js', import.meta.url));

type Answer<T extends FromWorker['type']> = Extract<FromWorker, { type: T }>;

/** What workers report as it happens, not as an answer to a command. */
interface WorkerNotices {
  onProgress: (worker: number, message: Answer<'progress'>) => void;
  onLost: (message: Answer<'lost'>) => void;
}

interface Waiter {
  type: FromWorker['type'];
  resolve: (message: FromWorker) => void;
  reject: (error: Error) => void;
}

class WorkerHandle {
  readonly child: ChildProcess;
  readonly exited: Promise<[code: number | null, signal: NodeJS.Signals | null]>;
  #waiters: Waiter[] = [];
  /** Answers that came before anyone awaited them. */
  #unclaimed: FromWorker[] = [];
  #failure: Error | undefined;
  #closing = false;

  constructor(readonly index: number, notices: WorkerNotices) {
    // No inherited node flags (a --cpu-prof or test-runner flag of the parent is not meant for workers);
    // anything a worker prints goes to stderr: stdout carries only the result.
    this.child = fork(workerEntry, [], { execArgv: [], stdio: ['ignore', 2, 2, 'ipc'] });
    this.exited = once(this.child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    this.child.on('message', (message: FromWorker) => {
      if (message.type === 'progress') notices.onProgress(index, message);
      else if (message.type === 'lost') notices.onLost(message);
      else if (message.type === 'failed') this.fail(new Error(`load-test worker ${index} failed: ${message.message}`));
      else this.#answer(message);
    });
    void this.exited.then(([code, signal]) => {
      if (!this.#closing) this.fail(new Error(`load-test worker ${index} exited (${signal ?? code})`));
    });
  }

  get pid(): number {
    return this.child.pid!;
  }

  send(command: ToWorker): void {
    if (this.child.connected) this.child.send(command);
  }

  next<T extends FromWorker['type']>(type: T, timeoutMs: number): Promise<Answer<T>> {
    if (this.#failure) return Promise.reject(this.#failure);
    const early = this.#unclaimed.findIndex((message) => message.type === type);
    if (early >= 0) return Promise.resolve(this.#unclaimed.splice(early, 1)[0] as Answer<T>);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== entry);
        reject(new Error(`load-test worker ${this.index}: no '${type}' within ${timeoutMs} ms`));
      }, timeoutMs);
      const entry: Waiter = {
        type,
        resolve: (message) => {
          clearTimeout(timer);
          resolve(message as Answer<T>);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      this.#waiters.push(entry);
    });
  }

  fail(error: Error): void {
    this.#failure ??= error;
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) waiter.reject(error);
  }

  async close(graceMs: number): Promise<void> {
    this.#closing = true;
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.send({ type: 'close' });
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  #answer(message: FromWorker): void {
    const index = this.#waiters.findIndex((waiter) => waiter.type === message.type);
    if (index < 0) {
      this.#unclaimed.push(message);
      return;
    }
    const [waiter] = this.#waiters.splice(index, 1);
    waiter.resolve(message);
  }
}

export class WorkerPool {
  readonly workers: WorkerHandle[];

  constructor(count: number, notices: WorkerNotices) {
    this.workers = Array.from({ length: count }, (_, index) => new WorkerHandle(index, notices));
  }

  get pids(): number[] {
    return this.workers.map((worker) => worker.pid);
  }

  broadcast(command: ToWorker): void {
    for (const worker of this.workers) worker.send(command);
  }

  /** One answer of `type` from every worker, in worker order. */
  collect<T extends FromWorker['type']>(type: T, timeoutMs: number): Promise<Array<Answer<T>>> {
    return Promise.all(this.workers.map((worker) => worker.next(type, timeoutMs)));
  }

  /** Rejects everything pending (Ctrl-C, a failed phase). */
  abort(reason: Error): void {
    for (const worker of this.workers) worker.fail(reason);
  }

  async close(graceMs = 5_000): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close(graceMs)));
  }
}
