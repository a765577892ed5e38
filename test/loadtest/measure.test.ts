// loadtest/measure.ts and payload.ts: loss and duplicate accounting and
// latency percentiles, on synthetic inputs whose answers are known.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DeliveryCounter, LatencyRecorder, SequenceSet, Timeline, accountLoss, expectedDeliveries, percentileOf, summarizeLatency,
} from '../../loadtest/measure.js';
import { isProbe, measuredBody, probeBody, readStamp } from '../../loadtest/payload.js';

describe('payload', () => {
  test('a measured body carries sequence and send time in 9 bytes', () => {
    const body = measuredBody(9, 123_456, 7_654_321);
    assert.equal(body.length, 9);
    assert.deepEqual(readStamp(body), { sequence: 123_456, sentMicros: 7_654_321 });
    assert.equal(isProbe(body), false);
  });

  test('is padded to the requested size and tells probes apart', () => {
    assert.equal(measuredBody(100, 1, 1).length, 100);
    assert.equal(readStamp(probeBody(9)), undefined);
    assert.equal(isProbe(probeBody(9)), true);
    assert.equal(readStamp(new Uint8Array([1, 2, 3])), undefined, 'too short to be ours');
  });
});

describe('delivery accounting', () => {
  test('SequenceSet sees each sequence once, however far apart', () => {
    const seen = new SequenceSet();
    assert.equal(seen.add(0), true);
    assert.equal(seen.add(100_000), true);
    assert.equal(seen.add(0), false);
    assert.equal(seen.add(100_000), false);
    assert.equal(seen.add(99_999), true);
  });

  test('counts delivered, duplicated and unexpected per receiver and sender', () => {
    const counter = new DeliveryCounter();
    counter.expect(1, [10, 11]);
    counter.expect(2, [10]);
    for (const sequence of [0, 1, 2, 1]) counter.record(1, 10, sequence); // one duplicate
    counter.record(1, 11, 0);
    counter.record(2, 10, 0); // the same (sender, sequence) at another receiver is not a duplicate
    assert.equal(counter.record(2, 11, 0), 'unexpected'); // receiver 2 did not subscribe to 11
    assert.deepEqual(counter.counts, { delivered: 5, duplicated: 1, unexpected: 1 });
  });

  test('lost is expected minus delivered; duplicates do not hide losses', () => {
    const sent = new Map([[10, 100], [11, 50]]);
    const receivers = new Map([[10, 3], [11, 2]]);
    const expected = expectedDeliveries(sent, receivers);
    assert.equal(expected, 400);
    const loss = accountLoss(expected, { delivered: 390, duplicated: 25 });
    assert.deepEqual(loss, { expected: 400, delivered: 390, lost: 10, duplicated: 25, lossRatio: 0.025 });
    assert.equal(accountLoss(0, { delivered: 0, duplicated: 0 }).lossRatio, 0);
  });
});

describe('latency', () => {
  test('percentiles of a uniform 1..1000 ms sample, within the histogram precision', () => {
    const recorder = new LatencyRecorder();
    for (let ms = 1; ms <= 1000; ms++) recorder.recordMicros(ms * 1000);
    const summary = summarizeLatency(recorder.histogram);
    const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) <= expected * 0.001, `${actual} vs ${expected}`);
    close(summary.p50, 500);
    close(summary.p90, 900);
    close(summary.p99, 990);
    close(summary.max, 1000);
    assert.equal(summary.count, 1000);
  });

  test("merging the workers' encoded histograms equals one histogram of everything", () => {
    const parts = [new LatencyRecorder(), new LatencyRecorder()];
    const whole = new LatencyRecorder();
    for (let i = 0; i < 5000; i++) {
      const micros = 200 + ((i * 7919) % 50_000);
      parts[i % 2].recordMicros(micros);
      whole.recordMicros(micros);
    }
    const { max: mergedMax, ...merged } = summarizeLatency(LatencyRecorder.merge(parts.map((part) => part.encode())).histogram);
    const { max: wholeMax, ...expected } = summarizeLatency(whole.histogram);
    assert.deepEqual(merged, expected);
    // A decoded histogram knows its max only to the precision of its bucket.
    assert.ok(Math.abs(mergedMax - wholeMax) <= wholeMax * 0.001, `${mergedMax} vs ${wholeMax}`);
  });

  test('a negative latency from clock skew counts as zero', () => {
    const recorder = new LatencyRecorder();
    recorder.recordMicros(-3);
    assert.equal(recorder.histogram.maxValue, 0);
    assert.equal(recorder.histogram.totalCount, 1);
  });

  test('percentileOf takes the nearest rank of a small sample', () => {
    const values = [5, 1, 4, 2, 3];
    assert.equal(percentileOf(values, 50), 3);
    assert.equal(percentileOf(values, 99), 5);
    assert.equal(percentileOf(values, 0), 1);
    assert.equal(percentileOf([], 50), 0);
  });
});

test('Timeline buckets counts by time since the epoch and sums workers', () => {
  const a = new Timeline(250);
  a.add(10);
  a.add(260);
  a.add(-5); // before the epoch: not counted
  const b = new Timeline(250);
  b.add(600, 3);
  assert.deepEqual(Timeline.sum([a.counts, b.counts]), [1, 1, 3]);
});
