// Publishes messages at a fixed rate per publisher, from a shared epoch for a
// fixed window: measured ones, or the warm-up's uncounted ones before it. Publishers are staggered evenly over one period
// so a worker's sends do not come in bursts; one timer serves them all.
import { wallClockMs } from './clock.js';
import { measuredBody } from './payload.js';

export interface Publisher {
  alias: number;
  /** false when the client refused the message (a full reliable queue). */
  publish(body: Uint8Array): boolean;
}

export interface ScheduleOptions {
  epochMs: number;
  durationMs: number;
  /** Messages per second per publisher. */
  rate: number;
  size: number;
  /** The body of message `sequence` sent `sentMicros` after the epoch; a measured body by default. */
  body?: (sequence: number, sentMicros: number) => Uint8Array;
}

const TICK_MS = 5;

export class PublishSchedule {
  readonly sentBySender = new Map<number, number>();
  refused = 0;
  #publishers: Array<{ publisher: Publisher; offsetMs: number; next: number }>;
  #options: ScheduleOptions;
  #perPublisher: number;
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(publishers: readonly Publisher[], options: ScheduleOptions) {
    this.#options = options;
    this.#perPublisher = Math.floor((options.durationMs / 1000) * options.rate);
    const periodMs = 1000 / options.rate;
    this.#publishers = publishers.map((publisher, i) => ({ publisher, offsetMs: (i / publishers.length) * periodMs, next: 0 }));
    for (const publisher of publishers) this.sentBySender.set(publisher.alias, 0);
  }

  get sent(): number {
    let total = 0;
    for (const count of this.sentBySender.values()) total += count;
    return total;
  }

  /** Resolves once every scheduled message went out (late ones are sent as soon as the loop allows). */
  run(): Promise<void> {
    return new Promise((resolve) => {
      const tick = () => {
        if (this.#tick()) return;
        clearInterval(this.#timer);
        resolve();
      };
      this.#timer = setInterval(tick, TICK_MS);
    });
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** Sends what is due; false once everything has been sent. */
  #tick(): boolean {
    const { epochMs, rate, size, body: bodyAt = (sequence, sentMicros) => measuredBody(size, sequence, sentMicros) } = this.#options;
    const elapsedMs = wallClockMs() - epochMs;
    let pending = false;
    for (const entry of this.#publishers) {
      const due = elapsedMs < entry.offsetMs ? 0 : Math.min(this.#perPublisher, Math.floor(((elapsedMs - entry.offsetMs) * rate) / 1000) + 1);
      while (entry.next < due) {
        const body = bodyAt(entry.next, (wallClockMs() - epochMs) * 1000);
        entry.next++;
        if (entry.publisher.publish(body)) {
          this.sentBySender.set(entry.publisher.alias, this.sentBySender.get(entry.publisher.alias)! + 1);
        } else {
          this.refused++;
        }
      }
      if (entry.next < this.#perPublisher) pending = true;
    }
    return pending;
  }
}
