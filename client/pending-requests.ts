// Requests waiting for the comm server's answer, by request id. Each settles
// once: with its answer, after the timeout, or when the session fails them
// all. `S` is what a request keeps until then (a reply's parts so far).
interface Waiting<T, S> {
  state: S;
  resolve: (value: T) => void;
  reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout>;
}

export class PendingRequests<T, S = undefined> {
  readonly #timeoutMs: number;
  readonly #waiting = new Map<number, Waiting<T, S>>();
  #nextId = 1;

  constructor(timeoutMs: number) {
    this.#timeoutMs = timeoutMs;
  }

  /**
   * A new request: `send` gets its id and sends it (what it throws rejects
   * the request); `timedOut` is the error after the timeout.
   */
  open(state: S, send: (requestId: number) => void, timedOut: (timeoutMs: number) => Error): Promise<T> {
    const requestId = this.#nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.reject(requestId, timedOut(this.#timeoutMs)), this.#timeoutMs);
      this.#waiting.set(requestId, { state, resolve, reject, timer });
      try {
        send(requestId);
      } catch (error) {
        this.reject(requestId, error as Error);
      }
    });
  }

  /** What a waiting request keeps; undefined when no request with this id waits. */
  state(requestId: number): S | undefined {
    return this.#waiting.get(requestId)?.state;
  }

  resolve(requestId: number, value: T): void {
    this.#take(requestId)?.resolve(value);
  }

  reject(requestId: number, error: Error): void {
    this.#take(requestId)?.reject(error);
  }

  /** The session ended: every waiting request fails with its error. */
  failAll(error: Error): void {
    for (const requestId of [...this.#waiting.keys()]) this.reject(requestId, error);
  }

  #take(requestId: number): Waiting<T, S> | undefined {
    const waiting = this.#waiting.get(requestId);
    if (waiting === undefined) return undefined;
    clearTimeout(waiting.timer);
    this.#waiting.delete(requestId);
    return waiting;
  }
}
