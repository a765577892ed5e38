// Per-channel flow control: frames go straight to the data channel while its
// bufferedAmount is under the send window, and wait in a bounded queue
// otherwise; the queue drains on `bufferedamountlow`. What happens when the
// queue is full is the channel's overflow policy.
//
// Batching (the BATCH extension, docs/PROTOCOL.md), once enabled for a peer
// that announced it: a frame waits at most BATCH_DELAY_MS, and whatever is
// queued for the peer then goes out as BATCH frames of up to `maxBatchBytes`
// (a lone frame goes out as it is). One data channel message then carries
// many frames: one SCTP chunk, one packet, one DTLS record, one UDP datagram,
// one bufferedAmount update for all of them.
import { BATCH_HEADER_BYTES, batchEntryBytes, encodeBatch } from './codec.js';
import type { DataChannelLike } from './rtc.js';

export type OverflowPolicy =
  /** Reliable channels: the peer cannot keep up, so it is disconnected (like NATS' slow consumers). */
  | 'disconnect'
  /** Unreliable channels: the oldest queued frames are dropped to make room. */
  | 'drop-oldest'
  /** A publisher's own queue: the new frame is refused and the caller told (write returns false). */
  | 'reject';

export interface WriterOptions {
  queueBytes: number;
  windowBytes: number;
  overflow: OverflowPolicy;
  /** Called once when a `disconnect` writer overflows. */
  onOverflow?: () => void;
}

/**
 * Largest BATCH on a reliable channel: well under every implementation's
 * data channel max message size (64 KiB werift, 256 KiB libwebrtc).
 */
export const RELIABLE_BATCH_BYTES = 16 * 1024;
/**
 * Largest BATCH on an unreliable channel: one SCTP DATA chunk (werift
 * fragments at 1,200 bytes), so losing a packet never loses more frames than
 * share that packet anyway.
 */
export const UNRELIABLE_BATCH_BYTES = 1_150;

/**
 * How long a batching writer holds the first frame of a batch. Flushing at
 * the end of each event-loop turn made batches as small as the loop was
 * fast (one datagram per peer per turn: dgram sends were 21% of the comm
 * server's time at dense 100); a few milliseconds gather several messages
 * per peer at ~1,000 messages/s each, far inside a 50 ms latency budget.
 */
export const BATCH_DELAY_MS = 5;

export class ChannelWriter {
  static #pending: ChannelWriter[] = [];
  static #scheduled = false;

  #channel: DataChannelLike;
  #options: WriterOptions;
  #queue: Uint8Array[] = [];
  #head = 0;
  #queuedBytes = 0;
  #overflowed = false;
  /** 0: no batching; else the largest BATCH frame. */
  #maxBatchBytes = 0;
  #flushPending = false;
  /** Frames dropped by the drop-oldest policy. */
  dropped = 0;
  /** BATCH frames sent, and the frames they carried. */
  batches = 0;
  batchedFrames = 0;

  constructor(channel: DataChannelLike, options: WriterOptions) {
    this.#channel = channel;
    this.#options = options;
    channel.bufferedAmountLowThreshold = Math.floor(options.windowBytes / 2);
    channel.addEventListener('bufferedamountlow', () => this.#drain());
  }

  get queuedBytes(): number {
    return this.#queuedBytes;
  }

  get queuedFrames(): number {
    return this.#queue.length - this.#head;
  }

  get batching(): boolean {
    return this.#maxBatchBytes > 0;
  }

  /** The peer accepts BATCH frames: from now on, frames written in one turn are coalesced. */
  enableBatching(maxBatchBytes: number): void {
    this.#maxBatchBytes = Math.max(0, maxBatchBytes);
  }

  /** Sends or queues a frame; false when the frame was not accepted (overflowed or `reject` policy). */
  write(frame: Uint8Array): boolean {
    if (this.#overflowed) return false;
    if (this.#maxBatchBytes === 0 && this.#head === this.#queue.length && this.#fits(frame.length)) {
      this.#send(frame);
      return true;
    }
    if (this.#options.overflow === 'reject' && this.#queuedBytes + frame.length > this.#options.queueBytes) return false;
    this.#queue.push(frame);
    this.#queuedBytes += frame.length;
    if (this.#queuedBytes > this.#options.queueBytes) this.#handleOverflow();
    if (this.#maxBatchBytes > 0 && !this.#flushPending) this.#scheduleFlush();
    return !this.#overflowed;
  }

  #scheduleFlush(): void {
    this.#flushPending = true;
    ChannelWriter.#pending.push(this);
    if (ChannelWriter.#scheduled) return;
    ChannelWriter.#scheduled = true;
    setTimeout(ChannelWriter.#flushAll, BATCH_DELAY_MS);
  }

  static #flushAll = (): void => {
    ChannelWriter.#scheduled = false;
    const writers = ChannelWriter.#pending;
    ChannelWriter.#pending = [];
    for (const writer of writers) {
      writer.#flushPending = false;
      writer.#drain();
    }
  };

  /** A message larger than the whole window still goes out once nothing is in flight. */
  #fits(bytes: number): boolean {
    const buffered = this.#channel.bufferedAmount;
    return buffered === 0 || buffered + bytes <= this.#options.windowBytes;
  }

  #send(frame: Uint8Array): void {
    if (this.#channel.readyState !== 'open') return;
    this.#channel.send(frame);
  }

  #drain(): void {
    const max = this.#maxBatchBytes;
    while (this.#head < this.#queue.length) {
      const queue = this.#queue;
      const first = queue[this.#head];
      let end = this.#head + 1;
      let size = 0;
      if (max > 0 && end < queue.length) {
        size = BATCH_HEADER_BYTES + batchEntryBytes(first.length);
        while (end < queue.length) {
          const entry = batchEntryBytes(queue[end].length);
          if (size + entry > max) break;
          size += entry;
          end++;
        }
      }
      if (end - this.#head === 1) {
        if (!this.#fits(first.length)) break;
        this.#shift();
        this.#send(first);
        continue;
      }
      if (!this.#fits(size)) break;
      const batch = encodeBatch(queue, this.#head, end, size);
      this.batches++;
      this.batchedFrames += end - this.#head;
      while (this.#head < end) this.#shift();
      this.#send(batch);
    }
    this.#compact();
  }

  #shift(): Uint8Array {
    const frame = this.#queue[this.#head];
    this.#queue[this.#head] = EMPTY;
    this.#head++;
    this.#queuedBytes -= frame.length;
    return frame;
  }

  #compact(): void {
    if (this.#head === this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
  }

  #handleOverflow(): void {
    if (this.#options.overflow === 'disconnect') {
      this.#overflowed = true;
      this.#queue = [];
      this.#head = 0;
      this.#queuedBytes = 0;
      this.#options.onOverflow?.();
      return;
    }
    while (this.#queuedBytes > this.#options.queueBytes) {
      this.#shift();
      this.dropped++;
    }
    this.#compact();
  }
}

const EMPTY = new Uint8Array(0);
