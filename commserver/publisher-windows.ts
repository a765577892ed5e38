// Duplicate detection for reliable messages stamped with their publisher's
// session and sequence number (the `ack` extension). A publisher whose comm
// server died sends what was not acknowledged again through another one, so
// a server may see a message twice: by the old path and by the new. Each
// publisher gets a window: the highest sequence number seen and which of the
// 32 before it were seen. Numbers are per publisher, not per topic, so a
// server sees gaps (topics it does not carry); those are not duplicates.
import { publisherKey } from '../shared/publisher-key.js';

/** Length of the publisher session ids our clients make. */
export const PUBLISHER_ID_BYTES = 16;
const WINDOW = 32;

export interface PublisherWindowsOptions {
  /** Publishers remembered at most; beyond, the least recently seen are forgotten. */
  maxPublishers: number;
  /** A publisher not heard from for this long is forgotten. */
  idleMs: number;
}

interface Window {
  high: number;
  /** Bit d-1 set: sequence number high - d was seen (d = 1..32). */
  seen: number;
  lastSeenAt: number;
}

export class PublisherWindows {
  readonly #options: PublisherWindowsOptions;
  /** Keyed by the publisher id as a string of byte values; in order of last use. */
  readonly #windows = new Map<string, Window>();
  #sweptAt = 0;

  constructor(options: PublisherWindowsOptions) {
    this.#options = options;
  }

  get size(): number {
    return this.#windows.size;
  }

  /**
   * Records `seq` of `publisher`; false when it was seen before (or is older
   * than the window, which only a duplicate can be: one publisher's messages
   * come in order along one path at a time).
   */
  isNew(publisher: Uint8Array, seq: number, now = Date.now()): boolean {
    if (now - this.#sweptAt >= this.#options.idleMs / 4) this.#sweep(now);
    const key = publisherKey(publisher);
    const window = this.#windows.get(key);
    if (window === undefined) {
      this.#remember(key, { high: seq, seen: 0, lastSeenAt: now });
      return true;
    }
    this.#windows.delete(key);
    this.#windows.set(key, window);
    window.lastSeenAt = now;
    if (seq > window.high) {
      const shift = seq - window.high;
      window.seen = shift > WINDOW ? 0 : shift === WINDOW ? 0x80000000 : ((window.seen << shift) | (1 << (shift - 1))) >>> 0;
      window.high = seq;
      return true;
    }
    const distance = window.high - seq;
    if (distance === 0 || distance > WINDOW) return false;
    const bit = (1 << (distance - 1)) >>> 0;
    if ((window.seen & bit) !== 0) return false;
    window.seen = (window.seen | bit) >>> 0;
    return true;
  }

  /** Forgets publishers idle for longer than `idleMs`; the least recently seen come first, so this stops at the first recent one. */
  #sweep(now: number): void {
    this.#sweptAt = now;
    for (const [key, window] of this.#windows) {
      if (now - window.lastSeenAt < this.#options.idleMs) return;
      this.#windows.delete(key);
    }
  }

  #remember(key: string, window: Window): void {
    if (this.#windows.size >= this.#options.maxPublishers) {
      const oldest = this.#windows.keys().next().value;
      if (oldest !== undefined) this.#windows.delete(oldest);
    }
    this.#windows.set(key, window);
  }
}
