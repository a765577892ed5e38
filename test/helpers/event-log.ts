/** What a test records of a client's events, with a wait for the record to reach the state the test expects. */
export class EventLog<T> {
  readonly events: T[] = [];
  #waiters = new Set<() => void>();

  /** `describe` says what was recorded when a wait times out. */
  constructor(private readonly describe: (events: T[]) => string = (events) => JSON.stringify(events)) {}

  push(event: T): void {
    this.events.push(event);
    for (const wake of this.#waiters) wake();
  }

  /** Resolves once `done` holds for the events recorded so far; rejects after `timeoutMs`. */
  until(done: (events: T[]) => boolean, timeoutMs: number): Promise<void> {
    if (done(this.events)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const wake = () => {
        if (!done(this.events)) return;
        this.#waiters.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(wake);
        reject(new Error(`not as expected within ${timeoutMs} ms; recorded ${this.events.length}: ${this.describe(this.events)}`));
      }, timeoutMs);
      this.#waiters.add(wake);
    });
  }
}
