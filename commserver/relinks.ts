// Links to other servers are made when this server registers (WELCOME names
// the servers). One of ours that fails later (its server went silent, a
// channel closed) is made again after a backoff, a bounded number of times:
// a server that was away for a moment (the network, NATS) or whose side of
// the link had not yet timed out is linked again without waiting for a new
// WELCOME, and one that is gone for good costs a few attempts.

export interface RelinksOptions {
  /** Attempts after a failure before giving up on that server (until the next WELCOME). */
  attempts: number;
  /** Backoff between attempts: from min, doubling to max. */
  minDelayMs: number;
  maxDelayMs: number;
  /** Makes the link again, unless the server is linked meanwhile. */
  link: (serverAlias: number, serverId: string | undefined) => void;
}

export class Relinks {
  readonly #options: RelinksOptions;
  readonly #pending = new Map<number, { attempts: number; timer: ReturnType<typeof setTimeout> | undefined }>();

  constructor(options: RelinksOptions) {
    this.#options = options;
  }

  /** A link we made failed: try again, unless its attempts are spent. */
  failed(serverAlias: number, serverId: string | undefined): void {
    const { attempts, minDelayMs, maxDelayMs } = this.#options;
    const made = this.#pending.get(serverAlias)?.attempts ?? 0;
    if (made >= attempts) {
      this.#pending.delete(serverAlias);
      return;
    }
    const timer = setTimeout(() => {
      entry.timer = undefined;
      this.#options.link(serverAlias, serverId);
    }, Math.min(maxDelayMs, minDelayMs * 2 ** made));
    timer.unref?.();
    const entry: { attempts: number; timer: ReturnType<typeof setTimeout> | undefined } = { attempts: made + 1, timer };
    this.#pending.set(serverAlias, entry);
  }

  /** The link is up: its failures are forgotten. */
  linked(serverAlias: number): void {
    clearTimeout(this.#pending.get(serverAlias)?.timer);
    this.#pending.delete(serverAlias);
  }

  /** A new WELCOME names the servers anew; closing ends all attempts. */
  clear(): void {
    for (const { timer } of this.#pending.values()) clearTimeout(timer);
    this.#pending.clear();
  }
}
