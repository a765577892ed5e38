// Per-channel flow control: frames go straight to the data channel while its
// bufferedAmount is under the send window, and wait in a bounded queue
// otherwise; the queue drains on `bufferedamountlow`. What happens when the
// queue is full is the channel's overflow policy.
//
// Batching (the BATCH extension, docs/PROTOCOL.md), once enabled for a peer
// that announced it: whatever is queued for the peer goes out as BATCH frames
// of up to `maxBatchBytes` (a lone frame goes out as it is), at most once per
// batch delay. One data channel message then carries many frames: one SCTP
// chunk, one packet, one DTLS record, one UDP datagram, one bufferedAmount
// update for all of them. A peer that got nothing for a whole delay gets its
// frames at the end of the current job: only busy peers wait.
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

export class ChannelWriter {
  #channel: DataChannelLike;
  #options: WriterOptions;
  #queue: Uint8Array[] = [];
  #head = 0;
  #queuedBytes = 0;
  #overflowed = false;
  /**
   * At least the channel's bufferedAmount: the value last read plus what was
   * sent since (nothing else sends on the channel, and the stack only lowers
   * it). Reading bufferedAmount is a blocking call into another thread in
   * libwebrtc bindings (@roamhq/wrtc: 11 µs idle, ~0.1 ms with its network
   * thread busy), so it is read only when this bound says the window may be
   * full.
   */
  #bufferedBound: number;
  /** The channel's readyState is 'open', kept from its events: reading it is the same blocking call as bufferedAmount. */
  #open: boolean;
  /** 0: no batching; else the largest BATCH frame. */
  #maxBatchBytes = 0;
  #batchDelayMs = 0;
  /** Where in each batch delay this writer's flushes fall, so that peers fed the same messages do not all flush at once. */
  #batchPhaseMs = 0;
  #flushPending = false;
  #lastFlushAt = -Infinity;
  /** Frames dropped by the drop-oldest policy. */
  dropped = 0;
  /** BATCH frames sent, and the frames they carried. */
  batches = 0;
  batchedFrames = 0;

  constructor(channel: DataChannelLike, options: WriterOptions) {
    this.#channel = channel;
    this.#options = options;
    this.#bufferedBound = channel.bufferedAmount;
    this.#open = channel.readyState === 'open';
    channel.addEventListener('open', () => {
      this.#open = true;
    });
    channel.addEventListener('close', () => {
      this.#open = false;
    });
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

  /**
   * The peer accepts BATCH frames: from now on its frames are coalesced, a
   * busy peer's flushed every `delayMs` at `phaseMs` into the delay (on the
   * `performance.now()` clock; random unless given).
   */
  enableBatching(maxBatchBytes: number, delayMs: number, phaseMs = Math.random() * delayMs): void {
    this.#maxBatchBytes = Math.max(0, maxBatchBytes);
    this.#batchDelayMs = Math.max(0, delayMs);
    this.#batchPhaseMs = phaseMs;
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

  /**
   * A peer flushed within the last delay waits for its next phase point (so
   * a busy peer gets one batch per delay, and busy peers' batches are spread
   * over the delay instead of leaving in one burst); any other peer gets its
   * frames at the end of the current job, which still coalesces a fan-out.
   */
  #scheduleFlush(): void {
    this.#flushPending = true;
    const now = performance.now();
    const delay = this.#batchDelayMs;
    if (now - this.#lastFlushAt >= delay) {
      queueMicrotask(this.#flush);
      return;
    }
    let wait = (this.#batchPhaseMs - now) % delay;
    if (wait <= 0) wait += delay;
    setTimeout(this.#flush, Math.ceil(wait));
  }

  #flush = (): void => {
    this.#flushPending = false;
    this.#lastFlushAt = performance.now();
    this.#drain();
  };

  /** A message larger than the whole window still goes out once nothing is in flight. */
  #fits(bytes: number): boolean {
    const window = this.#options.windowBytes;
    if (this.#bufferedBound + bytes <= window) return true;
    const buffered = this.#channel.bufferedAmount;
    this.#bufferedBound = buffered;
    return buffered === 0 || buffered + bytes <= window;
  }

  #send(frame: Uint8Array): void {
    if (!this.#open) return;
    try {
      this.#channel.send(frame);
    } catch {
      // Closed under us before its close event: what was queued for it is lost either way.
      this.#open = false;
      return;
    }
    this.#bufferedBound += frame.length;
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
