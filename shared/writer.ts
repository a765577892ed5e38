// Per-channel flow control: frames go straight to the data channel while its
// bufferedAmount is under the send window, and wait in a bounded queue
// otherwise; the queue drains on `bufferedamountlow`. What happens when the
// queue is full is the channel's overflow policy.
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

export class ChannelWriter {
  #channel: DataChannelLike;
  #options: WriterOptions;
  #queue: Uint8Array[] = [];
  #head = 0;
  #queuedBytes = 0;
  #overflowed = false;
  /** Frames dropped by the drop-oldest policy. */
  dropped = 0;

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

  /** Sends or queues a frame; false when the frame was not accepted (overflowed or `reject` policy). */
  write(frame: Uint8Array): boolean {
    if (this.#overflowed) return false;
    if (this.#head === this.#queue.length && this.#fits(frame)) {
      this.#send(frame);
      return true;
    }
    if (this.#options.overflow === 'reject' && this.#queuedBytes + frame.length > this.#options.queueBytes) return false;
    this.#queue.push(frame);
    this.#queuedBytes += frame.length;
    if (this.#queuedBytes > this.#options.queueBytes) this.#handleOverflow();
    return !this.#overflowed;
  }

  /** A frame larger than the whole window still goes out once nothing is in flight. */
  #fits(frame: Uint8Array): boolean {
    const buffered = this.#channel.bufferedAmount;
    return buffered === 0 || buffered + frame.length <= this.#options.windowBytes;
  }

  #send(frame: Uint8Array): void {
    if (this.#channel.readyState !== 'open') return;
    this.#channel.send(frame);
  }

  #drain(): void {
    while (this.#head < this.#queue.length) {
      const frame = this.#queue[this.#head];
      if (!this.#fits(frame)) break;
      this.#shift();
      this.#send(frame);
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
