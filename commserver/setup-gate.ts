// How many peer connections a comm server sets up at once. A CONNECT starts
// a set-up (an offer, ICE, DTLS, SCTP, AUTH) only while fewer than `limit`
// are under way; later ones wait in arrival order. Without it a storm of
// CONNECTs advances every set-up one step at a time in turn (the event loop
// is first in, first out), so all of them finish together at the end; with
// it the first ones finish while the rest wait. A set-up holds its place for
// at most `slotMs`: a client that went away after its CONNECT (nothing tells
// the server) or a slow one does not hold the others back for long.

export interface SetupGateOptions {
  /** Set-ups under way at once; 0: no limit. */
  limit: number;
  /** Longest time one set-up counts against the limit. */
  slotMs: number;
  /** Starts the set-up for a peer: called at once, or when its turn comes. */
  start: (alias: number) => void;
}

export class SetupGate {
  #options: SetupGateOptions;
  /** Set-ups counted against the limit, with the timer that ends their count. */
  #running = new Map<number, ReturnType<typeof setTimeout> | undefined>();
  /** Waiting aliases, in arrival order (a Set keeps insertion order). */
  #waiting = new Set<number>();

  constructor(options: SetupGateOptions) {
    this.#options = options;
  }

  /** Peers waiting for their turn. */
  get waiting(): number {
    return this.#waiting.size;
  }

  /** Set-ups counted against the limit now. */
  get running(): number {
    return this.#running.size;
  }

  isWaiting(alias: number): boolean {
    return this.#waiting.has(alias);
  }

  /** A CONNECT from `alias`: its set-up starts now or waits for a place. */
  request(alias: number): void {
    const { limit } = this.#options;
    if (limit > 0 && this.#running.size >= limit) {
      this.#waiting.add(alias);
      return;
    }
    this.#begin(alias);
  }

  /** The peer's set-up ended (authenticated, failed or closed): the next waiting one starts. */
  done(alias: number): void {
    if (this.#waiting.delete(alias)) return;
    if (!this.#running.has(alias)) return;
    clearTimeout(this.#running.get(alias));
    this.#running.delete(alias);
    this.#next();
  }

  /** Forgets everything waiting and stops the timers (server closing). */
  clear(): void {
    for (const timer of this.#running.values()) clearTimeout(timer);
    this.#running.clear();
    this.#waiting.clear();
  }

  #begin(alias: number): void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (this.#options.limit > 0) {
      timer = setTimeout(() => this.done(alias), this.#options.slotMs);
      timer.unref?.();
    }
    this.#running.set(alias, timer);
    this.#options.start(alias);
  }

  #next(): void {
    const { limit } = this.#options;
    while (this.#waiting.size > 0 && (limit <= 0 || this.#running.size < limit)) {
      const alias = this.#waiting.values().next().value as number;
      this.#waiting.delete(alias);
      this.#begin(alias);
    }
  }
}
