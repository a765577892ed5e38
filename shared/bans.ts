// Banned client identities, each until its ban expires (the coordinator's
// and every comm server's copy, docs/OPERATIONS.md). At most `maxBans` at
// once: a new ban beyond them is refused, never one dropped early. Expired
// bans are forgotten when looked up or when room is needed.

export interface BansOptions {
  maxBans: number;
  /** Unix ms; default Date.now. */
  now?: () => number;
}

export class Bans {
  readonly #maxBans: number;
  readonly #now: () => number;
  /** Identity (hex) -> when its ban ends (Unix ms). */
  readonly #until = new Map<string, number>();

  constructor(options: BansOptions) {
    this.#maxBans = options.maxBans;
    this.#now = options.now ?? Date.now;
  }

  /** Bans `identity` for `ms` from now, replacing an earlier ban of it; the end (Unix ms), or undefined when the list is full. */
  ban(identity: Uint8Array, ms: number): number | undefined {
    const key = keyOf(identity);
    if (!this.#until.has(key) && this.#until.size >= this.#maxBans) {
      this.#forgetExpired();
      if (this.#until.size >= this.#maxBans) return undefined;
    }
    const until = this.#now() + ms;
    this.#until.set(key, until);
    return until;
  }

  /** Whether `ban(identity, ...)` would be applied now (undefined: an identity not known yet). */
  hasRoomFor(identity: Uint8Array | undefined): boolean {
    if (identity !== undefined && this.#until.has(keyOf(identity))) return true;
    if (this.#until.size >= this.#maxBans) this.#forgetExpired();
    return this.#until.size < this.#maxBans;
  }

  /** When the ban of `identity` ends (Unix ms), or undefined if it is not banned. */
  bannedUntil(identity: Uint8Array): number | undefined {
    if (this.#until.size === 0) return undefined;
    const key = keyOf(identity);
    const until = this.#until.get(key);
    if (until === undefined) return undefined;
    if (until > this.#now()) return until;
    this.#until.delete(key);
    return undefined;
  }

  /** The bans in force, with the milliseconds each has left. */
  active(): Array<{ identity: Uint8Array; remainingMs: number }> {
    this.#forgetExpired();
    const now = this.#now();
    return [...this.#until].map(([key, until]) => ({ identity: new Uint8Array(Buffer.from(key, 'hex')), remainingMs: until - now }));
  }

  get size(): number {
    return this.#until.size;
  }

  #forgetExpired(): void {
    const now = this.#now();
    for (const [key, until] of this.#until) if (until <= now) this.#until.delete(key);
  }
}

function keyOf(identity: Uint8Array): string {
  return Buffer.from(identity.buffer, identity.byteOffset, identity.byteLength).toString('hex');
}
