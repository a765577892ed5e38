// A token bucket: `burst` tokens at most, refilled at `ratePerSecond`. Each
// message takes one token; a message that finds none is over the limit.
export class TokenBucket {
  readonly #rate: number;
  readonly #burst: number;
  readonly #now: () => number;
  #tokens: number;
  #updatedAt: number;

  /** A rate of 0 means no limit. */
  constructor(ratePerSecond: number, burst: number, now: () => number = performance.now.bind(performance)) {
    this.#rate = ratePerSecond;
    this.#burst = Math.max(1, burst);
    this.#now = now;
    this.#tokens = this.#burst;
    this.#updatedAt = now();
  }

  /** Takes a token; false when there is none (the message is over the limit). */
  take(): boolean {
    if (this.#rate <= 0) return true;
    this.#refill();
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** Milliseconds until a token is there (0: one is there now). */
  msUntilToken(): number {
    if (this.#rate <= 0) return 0;
    this.#refill();
    return this.#tokens >= 1 ? 0 : ((1 - this.#tokens) * 1000) / this.#rate;
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(this.#burst, this.#tokens + ((now - this.#updatedAt) * this.#rate) / 1000);
    this.#updatedAt = now;
  }
}
