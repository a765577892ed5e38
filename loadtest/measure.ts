// What a load test counts: which measured messages each receiver got (for
// loss and duplicates), their end-to-end latency in an HDR histogram, and
// deliveries and latency over time.
import {
  build, decodeFromCompressedBase64, encodeIntoCompressedBase64, type Histogram,
} from 'hdr-histogram-js';

/** The set of sequence numbers seen from one sender, as a growable bitset. */
export class SequenceSet {
  #bits = new Uint8Array(64);

  /** Adds `sequence`; false if it was already there. */
  add(sequence: number): boolean {
    const byte = sequence >>> 3;
    if (byte >= this.#bits.length) {
      const grown = new Uint8Array(Math.max(byte + 1, this.#bits.length * 2));
      grown.set(this.#bits);
      this.#bits = grown;
    }
    const mask = 1 << (sequence & 7);
    if (this.#bits[byte] & mask) return false;
    this.#bits[byte] |= mask;
    return true;
  }
}

export type DeliveryOutcome = 'delivered' | 'duplicate' | 'unexpected';

export interface DeliveryCounts {
  delivered: number;
  duplicated: number;
  /** Messages from a sender the receiver was not meant to hear (a routing fault). */
  unexpected: number;
}

/** Loss and duplicate accounting for the receivers of one worker. */
export class DeliveryCounter {
  #seen = new Map<number, Map<number, SequenceSet>>();
  readonly counts: DeliveryCounts = { delivered: 0, duplicated: 0, unexpected: 0 };

  /** `receiver` will count messages from each of `senders` (aliases). */
  expect(receiver: number, senders: Iterable<number>): void {
    this.#seen.set(receiver, new Map(Array.from(senders, (sender) => [sender, new SequenceSet()])));
  }

  record(receiver: number, sender: number, sequence: number): DeliveryOutcome {
    const fromSender = this.#seen.get(receiver)?.get(sender);
    if (!fromSender) {
      this.counts.unexpected++;
      return 'unexpected';
    }
    if (!fromSender.add(sequence)) {
      this.counts.duplicated++;
      return 'duplicate';
    }
    this.counts.delivered++;
    return 'delivered';
  }
}

export interface LossAccounting {
  expected: number;
  delivered: number;
  lost: number;
  duplicated: number;
  /** lost / expected, 0 when nothing was expected. */
  lossRatio: number;
}

/** Every expected delivery is either delivered (once, counted) or lost. */
export function accountLoss(expected: number, counts: Pick<DeliveryCounts, 'delivered' | 'duplicated'>): LossAccounting {
  const lost = Math.max(0, expected - counts.delivered);
  return {
    expected,
    delivered: counts.delivered,
    lost,
    duplicated: counts.duplicated,
    lossRatio: expected === 0 ? 0 : lost / expected,
  };
}

/** Expected deliveries: each sender's messages times the receivers subscribed to them. */
export function expectedDeliveries(sentBySender: Map<number, number>, receiversBySender: Map<number, number>): number {
  let expected = 0;
  for (const [sender, sent] of sentBySender) expected += sent * (receiversBySender.get(sender) ?? 0);
  return expected;
}

/** End-to-end latencies in microseconds, 3 significant digits. */
export class LatencyRecorder {
  readonly histogram: Histogram;

  constructor(histogram: Histogram = build({ numberOfSignificantValueDigits: 3 })) {
    this.histogram = histogram;
  }

  recordMicros(micros: number): void {
    // Stamps come from several processes reading one clock; a hair of skew must not make a negative value.
    this.histogram.recordValue(Math.max(0, Math.round(micros)));
  }

  encode(): string {
    return encodeIntoCompressedBase64(this.histogram);
  }

  static decode(encoded: string): LatencyRecorder {
    return new LatencyRecorder(decodeFromCompressedBase64(encoded));
  }

  static merge(encoded: string[]): LatencyRecorder {
    const merged = new LatencyRecorder();
    for (const part of encoded) merged.histogram.add(decodeFromCompressedBase64(part));
    return merged;
  }
}

export interface LatencySummaryMs {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  count: number;
}

const micros = (value: number) => value / 1000;

export function summarizeLatency(histogram: Histogram): LatencySummaryMs {
  if (histogram.totalCount === 0) return { p50: 0, p90: 0, p99: 0, max: 0, mean: 0, count: 0 };
  return {
    p50: micros(histogram.getValueAtPercentile(50)),
    p90: micros(histogram.getValueAtPercentile(90)),
    p99: micros(histogram.getValueAtPercentile(99)),
    max: micros(histogram.maxValue),
    mean: micros(histogram.mean),
    count: histogram.totalCount,
  };
}

export interface PercentilePoint {
  percentile: number;
  ms: number;
}

/** Percentiles spaced evenly in "nines" (0, 90, 99, 99.9, ...), the usual shape of a latency plot. */
export const DISTRIBUTION_PERCENTILES = [
  0, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.75, 99.9, 99.95, 99.975, 99.99, 99.995, 99.999, 100,
];

export function latencyDistribution(histogram: Histogram): PercentilePoint[] {
  if (histogram.totalCount === 0) return [];
  return DISTRIBUTION_PERCENTILES.map((percentile) => ({
    percentile,
    ms: micros(percentile === 100 ? histogram.maxValue : histogram.getValueAtPercentile(percentile)),
  }));
}

/** The exact percentile (nearest rank) of a small sample, e.g. set-up times. */
export function percentileOf(values: readonly number[], percentile: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((percentile / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Counts per fixed interval since an epoch: deliveries over time. */
export class Timeline {
  readonly bucketMs: number;
  readonly counts: number[] = [];

  constructor(bucketMs: number) {
    this.bucketMs = bucketMs;
  }

  add(sinceEpochMs: number, count = 1): void {
    if (sinceEpochMs < 0) return;
    const bucket = Math.floor(sinceEpochMs / this.bucketMs);
    while (this.counts.length <= bucket) this.counts.push(0);
    this.counts[bucket] += count;
  }

  static sum(parts: readonly (readonly number[])[]): number[] {
    const total: number[] = [];
    for (const part of parts) {
      part.forEach((count, bucket) => {
        total[bucket] = (total[bucket] ?? 0) + count;
      });
    }
    return Array.from(total, (count) => count ?? 0);
  }
}

export interface LatencySecond {
  /** Seconds since the epoch at the start of this second. */
  second: number;
  p50: number;
  p99: number;
  count: number;
}

/** One latency histogram per second since an epoch: latency over time. */
export class LatencyTimeline {
  readonly #seconds: LatencyRecorder[] = [];

  recordMicros(sinceEpochMs: number, micros: number): void {
    if (sinceEpochMs < 0) return;
    const second = Math.floor(sinceEpochMs / 1000);
    while (this.#seconds.length <= second) this.#seconds.push(new LatencyRecorder());
    this.#seconds[second].recordMicros(micros);
  }

  encode(): string[] {
    return this.#seconds.map((recorder) => recorder.encode());
  }

  /** The percentiles of each second with deliveries, over the timelines of every worker. */
  static percentiles(encoded: readonly (readonly string[])[]): LatencySecond[] {
    const seconds = Math.max(0, ...encoded.map((timeline) => timeline.length));
    return Array.from({ length: seconds }, (_, second) => {
      const { p50, p99, count } = summarizeLatency(LatencyRecorder.merge(encoded.flatMap((timeline) => timeline[second] ?? [])).histogram);
      return { second, p50, p99, count };
    }).filter((summary) => summary.count > 0);
  }
}
