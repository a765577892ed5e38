// What a client sends on `reliable`, from the publish call until it is safe.
//
// Every reliable frame waits here, in order, until the pacer lets it go: the
// comm server announces its per-client message rate and burst, and the client
// stays inside them instead of being closed for flooding. With a server that
// understands `ack`, topic messages are numbered (a random publisher id for
// the client's lifetime, then 1, 2, 3, ...) and kept after sending until the
// server acknowledges them; after re-homing, what was not acknowledged goes
// out again, first, and the servers drop the copies they had already
// delivered. Without `ack`, a frame is gone once handed to the session.
//
// The bytes kept (waiting and unacknowledged) are bounded: beyond,
// `enqueue` throws BACKPRESSURE, and `onDrain` says when there is room again.
import { TokenBucket } from '../shared/rate-limit.js';
import type { ChannelKind } from '../shared/rtc.js';
import { BrokerClientError } from './errors.js';

/** Where the outbox sends: the current session. */
export interface OutboxTarget {
  /** False when the session's own queue refused the frame. */
  send(channel: ChannelKind, frame: Uint8Array): boolean;
  /** Whether the comm server acknowledges numbered messages. */
  readonly acknowledges: boolean;
  /** The server's announced client rate (0: none) and burst. */
  readonly messageRate: { perSecond: number; burst: number };
}

/** How a numbered message is stamped (the `ack` extension); `topicSeq` 0 past `maxNumberedTopics`. */
export interface Sequence {
  publisher: Uint8Array;
  seq: number;
  topicSeq: number;
}

export interface OutboxOptions {
  maxBytes: number;
  /** Topics whose messages get a per-topic number (what subscribers recover by); messages on further topics get none. */
  maxNumberedTopics: number;
  /** There is room again after `enqueue` threw BACKPRESSURE. */
  onDrain: () => void;
}

interface Entry {
  /** > 0: numbered, kept until acknowledged; 0: gone once sent. */
  seq: number;
  frame: Uint8Array;
  /** A published message, sent again through the next session if it had not left; else a SUBSCRIPTION, RECOVER or PING, which the next session does not need. */
  message: boolean;
}

/**
 * The pacer runs below the server's bucket: some of its burst is left for
 * arrival jitter (packets sent apart can arrive together) and a little of its
 * rate for the heartbeat, which does not pass through here.
 */
const BURST_SHARE = 0.5;
const RATE_SHARE = 0.9;
/** Retry interval when the session's queue refused a frame. */
const REFUSED_RETRY_MS = 20;

export class Outbox {
  readonly #options: OutboxOptions;
  /** 16 random bytes naming this client's publisher session across re-homing. */
  readonly publisher: Uint8Array = crypto.getRandomValues(new Uint8Array(16));
  #nextSeq = 1;
  /** Topic -> the number of its last message: per topic, so that a subscriber can tell what it missed. */
  readonly #topicSeqs = new Map<string, number>();
  #waiting = new Fifo();
  #unacknowledged = new Fifo();
  #bytes = 0;
  #target: OutboxTarget | undefined;
  #pacer: TokenBucket | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #refused = false;
  /** Waiting for the outbox to be empty (`whenEmpty`). */
  #emptyWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  /** Whether the last server acknowledged: frames enqueued while re-homing are numbered for the next one. */
  #numbering = false;

  constructor(options: OutboxOptions) {
    this.#options = options;
  }

  /** Bytes waiting or unacknowledged. */
  get bytes(): number {
    return this.#bytes;
  }

  get unacknowledged(): number {
    return this.#unacknowledged.length;
  }

  /** Frames waiting for the pacer or for a session. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Sends through `target` from now on. What the last target did not
   * acknowledge goes first (after `first`: the subscription), then the
   * messages that were waiting; SUBSCRIPTION, RECOVER and PING frames left waiting
   * for the old target are dropped.
   */
  attach(target: OutboxTarget, first: Uint8Array[] = []): void {
    this.#target = target;
    this.#numbering = target.acknowledges;
    const { perSecond, burst } = target.messageRate;
    this.#pacer = perSecond > 0
      ? new TokenBucket(perSecond * RATE_SHARE, Math.max(1, Math.floor(burst * BURST_SHARE)))
      : undefined;
    const again = [...this.#unacknowledged.drain(), ...this.#waiting.drain()];
    for (const frame of first) this.#push({ seq: 0, frame, message: false });
    for (const entry of again) {
      if (entry.message) this.#waiting.push(entry);
      else this.#bytes -= entry.frame.length;
    }
    this.#pump();
  }

  /** The session is gone: keep everything for the next one. */
  detach(): void {
    this.#target = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /**
   * Queues a reliable frame: a message published on `topic`, which `encode`
   * stamps with the sequence it gets (if the server acknowledges), or (no
   * topic) a SUBSCRIPTION, RECOVER or PING. Throws BACKPRESSURE when full.
   */
  enqueue(encode: (sequence: Sequence | undefined) => Uint8Array, topic?: string): void {
    const message = topic !== undefined;
    const seq = message && this.#numbering ? this.#nextSeq : 0;
    const topicSeq = seq > 0 ? this.#nextTopicSeq(topic!) : 0;
    const frame = encode(seq > 0 ? { publisher: this.publisher, seq, topicSeq } : undefined);
    if (this.#bytes + frame.length > this.#options.maxBytes) {
      this.#refused = true;
      throw new BrokerClientError('BACKPRESSURE', `the reliable queue is full (${this.#bytes} bytes waiting or unacknowledged)`);
    }
    if (seq > 0) {
      this.#nextSeq++;
      if (topicSeq > 0) this.#topicSeqs.set(topic!, topicSeq);
    }
    this.#push({ seq, frame, message });
    this.#pump();
  }

  /** Whether an unreliable frame may go now; one over the server's rate would be dropped there anyway. */
  allowUnreliable(): boolean {
    return this.#pacer?.take() ?? true;
  }

  /** The server acknowledged every numbered frame up to `seq`. */
  acknowledged(seq: number): void {
    const unacknowledged = this.#unacknowledged;
    while (unacknowledged.length > 0 && unacknowledged.first.seq <= seq) this.#bytes -= unacknowledged.shift().frame.length;
    this.#checkDrain();
  }

  /** Resolves once nothing waits or is unacknowledged; rejects with `close`'s error. */
  whenEmpty(): Promise<void> {
    if (this.#bytes === 0) return Promise.resolve();
    return new Promise((resolve, reject) => this.#emptyWaiters.push({ resolve, reject }));
  }

  close(error: Error): void {
    this.detach();
    this.#waiting.drain();
    this.#unacknowledged.drain();
    this.#bytes = 0;
    for (const waiter of this.#emptyWaiters.splice(0)) waiter.reject(error);
  }

  #nextTopicSeq(topic: string): number {
    const last = this.#topicSeqs.get(topic);
    if (last !== undefined) return last + 1;
    return this.#topicSeqs.size < this.#options.maxNumberedTopics ? 1 : 0;
  }

  #push(entry: Entry): void {
    this.#waiting.push(entry);
    this.#bytes += entry.frame.length;
  }

  #pump(): void {
    const target = this.#target;
    if (target === undefined || this.#timer !== undefined) return;
    const waiting = this.#waiting;
    while (waiting.length > 0) {
      const wait = this.#pacer?.msUntilToken() ?? 0;
      if (wait > 0) {
        this.#schedule(wait);
        break;
      }
      const entry = waiting.first;
      if (!target.send('reliable', entry.frame)) {
        this.#schedule(REFUSED_RETRY_MS);
        break;
      }
      this.#pacer?.take();
      waiting.shift();
      if (entry.seq > 0 && target.acknowledges) this.#unacknowledged.push(entry);
      else this.#bytes -= entry.frame.length;
    }
    this.#checkDrain();
  }

  #schedule(ms: number): void {
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#pump();
    }, Math.ceil(ms));
  }

  #checkDrain(): void {
    if (this.#refused && this.#bytes <= this.#options.maxBytes / 2) {
      this.#refused = false;
      this.#options.onDrain();
    }
    if (this.#bytes === 0) for (const waiter of this.#emptyWaiters.splice(0)) waiter.resolve();
  }
}

/** A queue with O(1) shift: a head index into an array compacted now and then. */
class Fifo {
  #items: Entry[] = [];
  #head = 0;

  get length(): number {
    return this.#items.length - this.#head;
  }

  get first(): Entry {
    return this.#items[this.#head];
  }

  push(entry: Entry): void {
    this.#items.push(entry);
  }

  shift(): Entry {
    const entry = this.#items[this.#head++];
    if (this.#head === this.#items.length) {
      this.#items = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
      this.#items = this.#items.slice(this.#head);
      this.#head = 0;
    }
    return entry;
  }

  /** Empties the queue; returns what it held, in order. */
  drain(): Entry[] {
    const items = this.#items.slice(this.#head);
    this.#items = [];
    this.#head = 0;
    return items;
  }
}
