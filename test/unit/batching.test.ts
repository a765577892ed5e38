// shared/writer.ts: the BATCH coalescing policy, over a fake data channel
// whose bufferedAmount the test controls. Frames written in one job leave
// together at its end; after a flush, the next ones wait for the batch delay;
// a lone frame leaves as it is.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { MessageType, decodeBatch, peekType } from '../../shared/codec.js';
import type { DataChannelLike } from '../../shared/rtc.js';
import { ChannelWriter, RELIABLE_BATCH_BYTES, UNRELIABLE_BATCH_BYTES, type WriterOptions } from '../../shared/writer.js';

class FakeChannel {
  readonly label = 'reliable';
  readonly ordered = true;
  readonly maxRetransmits = null;
  #state = 'open';
  #buffered = 0;
  /** Reads of bufferedAmount and readyState: in libwebrtc bindings each is a blocking call into another thread. */
  bufferedAmountReads = 0;
  readyStateReads = 0;
  bufferedAmountLowThreshold = 0;
  /** What a send adds to bufferedAmount (0: the channel sends at once). */
  holdSent = false;
  sent: Uint8Array[] = [];
  sentAt: number[] = [];
  #low: (() => void)[] = [];
  #closeListeners: (() => void)[] = [];

  get readyState(): string {
    this.readyStateReads++;
    return this.#state;
  }

  get bufferedAmount(): number {
    this.bufferedAmountReads++;
    return this.#buffered;
  }

  set bufferedAmount(value: number) {
    this.#buffered = value;
  }

  send(data: Uint8Array): void {
    this.sent.push(data);
    this.sentAt.push(performance.now());
    if (this.holdSent) this.#buffered += data.length;
  }

  close(): void {
    this.#state = 'closed';
    for (const listener of this.#closeListeners) listener();
  }

  addEventListener(type: string, listener: () => void): void {
    if (type === 'bufferedamountlow') this.#low.push(listener);
    if (type === 'close') this.#closeListeners.push(listener);
  }

  removeEventListener(): void {}

  /** The stack put everything on the wire. */
  drained(): void {
    this.#buffered = 0;
    for (const listener of this.#low) listener();
  }
}

const DELAY_MS = 50;
const endOfJob = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, DELAY_MS + 5));
const frame = (seq: number, length = 20): Uint8Array => {
  const bytes = new Uint8Array(length);
  new DataView(bytes.buffer).setUint32(0, seq);
  return bytes;
};
const seqOf = (bytes: Uint8Array): number => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);

/** The frames a fake channel carried, BATCHes unpacked, in order. */
function carried(channel: FakeChannel): number[] {
  return channel.sent.flatMap((message) =>
    message[0] === 0x08 && message[1] === MessageType.BATCH ? decodeBatch(message).map(seqOf) : [seqOf(message)]);
}

function writer(channel: FakeChannel, options: Partial<WriterOptions> = {}): ChannelWriter {
  return new ChannelWriter(channel as unknown as DataChannelLike, {
    queueBytes: 1 << 20, windowBytes: 64 * 1024, overflow: 'disconnect', ...options,
  });
}

describe('ChannelWriter batching', () => {
  test('off (the default, and for peers that did not announce "batch"): every frame goes out alone, at once', () => {
    const channel = new FakeChannel();
    const w = writer(channel);
    for (let seq = 0; seq < 5; seq++) w.write(frame(seq));
    assert.equal(channel.sent.length, 5);
    assert.ok(channel.sent.every((message) => message.length === 20));
  });

  test('on, idle peer: frames written in one job leave at its end as one BATCH, in order', async () => {
    const channel = new FakeChannel();
    const w = writer(channel);
    w.enableBatching(RELIABLE_BATCH_BYTES, DELAY_MS);
    for (let seq = 0; seq < 50; seq++) w.write(frame(seq));
    assert.equal(channel.sent.length, 0, 'nothing at once');
    await endOfJob();
    assert.equal(channel.sent.length, 1);
    assert.equal(peekType(channel.sent[0]!), MessageType.BATCH);
    assert.deepEqual(carried(channel), Array.from({ length: 50 }, (_, i) => i));
    assert.equal(w.batches, 1);
    assert.equal(w.batchedFrames, 50);
  });

  test('on, busy peer: after a flush the next frames wait for its phase point, then leave as one BATCH', async () => {
    const channel = new FakeChannel();
    const w = writer(channel);
    const enabledAt = performance.now();
    const phase = (enabledAt + 30) % DELAY_MS;
    w.enableBatching(RELIABLE_BATCH_BYTES, DELAY_MS, phase);
    w.write(frame(0));
    await endOfJob();
    assert.equal(channel.sent.length, 1, 'the first frame of an idle peer at once');
    for (let seq = 1; seq <= 30; seq++) {
      w.write(frame(seq));
      if (seq % 10 === 0) await endOfJob();
    }
    assert.equal(channel.sent.length, 1, 'held: flushed less than a delay ago');
    await turn();
    assert.equal(channel.sent.length, 2);
    assert.ok(channel.sentAt[1]! >= enabledAt + 30 - 1, `flushed ${(channel.sentAt[1]! - enabledAt).toFixed(1)} ms after, not before the phase point (30 ms)`);
    assert.deepEqual(carried(channel), Array.from({ length: 31 }, (_, i) => i));
    await turn();
    w.write(frame(31));
    await endOfJob();
    assert.equal(channel.sent.length, 3, 'idle again for a delay: at once');
  });

  test('bufferedAmount is read only when the frames sent since the last read may have filled the window', () => {
    const channel = new FakeChannel();
    channel.holdSent = true;
    const w = writer(channel, { windowBytes: 1_000 });
    const readsAtStart = channel.bufferedAmountReads;
    const stateReadsAtStart = channel.readyStateReads;
    for (let seq = 0; seq < 50; seq++) w.write(frame(seq));
    assert.equal(channel.sent.length, 50, '50 x 20 B fit the window');
    assert.equal(channel.bufferedAmountReads, readsAtStart, 'no read while the bound says they fit');
    assert.equal(channel.readyStateReads, stateReadsAtStart, 'readyState kept from events, not read per frame');
    w.write(frame(50));
    assert.equal(channel.bufferedAmountReads, readsAtStart + 1, 'window possibly full: read once');
    assert.equal(w.queuedFrames, 1, 'and it was full');
  });

  test('after the close event nothing more is sent', () => {
    const channel = new FakeChannel();
    const w = writer(channel);
    w.write(frame(0));
    channel.close();
    w.write(frame(1));
    assert.deepEqual(carried(channel), [0]);
  });

  test('a lone frame is sent as it is, never wrapped', async () => {
    const channel = new FakeChannel();
    const w = writer(channel);
    w.enableBatching(RELIABLE_BATCH_BYTES, DELAY_MS);
    const lone = frame(7);
    w.write(lone);
    await turn();
    assert.deepEqual(channel.sent, [lone]);
  });

  test('no BATCH is larger than the limit: more frames make more batches', async () => {
    const channel = new FakeChannel();
    const w = writer(channel);
    w.enableBatching(UNRELIABLE_BATCH_BYTES, DELAY_MS);
    for (let seq = 0; seq < 200; seq++) w.write(frame(seq, 30));
    await turn();
    assert.ok(channel.sent.length > 1);
    assert.ok(channel.sent.every((message) => message.length <= UNRELIABLE_BATCH_BYTES), 'every batch within the limit');
    assert.deepEqual(carried(channel), Array.from({ length: 200 }, (_, i) => i));
  });

  test('a frame larger than the limit goes out alone, between batches', async () => {
    const channel = new FakeChannel();
    const w = writer(channel);
    w.enableBatching(1_000, DELAY_MS);
    w.write(frame(0));
    w.write(frame(1));
    w.write(frame(2, 5_000));
    w.write(frame(3));
    w.write(frame(4));
    await turn();
    assert.deepEqual(carried(channel), [0, 1, 2, 3, 4]);
    assert.deepEqual(channel.sent.map((message) => message[0] === 0x08 && message[1] === MessageType.BATCH), [true, false, true]);
  });

  test('frames held back by the send window leave as batches on bufferedamountlow', async () => {
    const channel = new FakeChannel();
    channel.holdSent = true;
    const w = writer(channel, { windowBytes: 1_000 });
    w.enableBatching(RELIABLE_BATCH_BYTES, DELAY_MS);
    for (let seq = 0; seq < 10; seq++) w.write(frame(seq, 200));
    await turn();
    // 10 x 200 B is more than the window, but with nothing in flight one batch may go.
    assert.equal(channel.sent.length, 1);
    for (let seq = 10; seq < 20; seq++) w.write(frame(seq, 200));
    await turn();
    assert.equal(channel.sent.length, 1, 'window full: queued');
    assert.equal(w.queuedFrames, 10);
    channel.drained();
    assert.equal(channel.sent.length, 2);
    assert.deepEqual(carried(channel), Array.from({ length: 20 }, (_, i) => i));
  });

  test("'drop-oldest' still bounds the queue while batching", async () => {
    const channel = new FakeChannel();
    channel.holdSent = true;
    channel.bufferedAmount = 1_000_000;
    const w = writer(channel, { windowBytes: 1_000, queueBytes: 100, overflow: 'drop-oldest' });
    w.enableBatching(UNRELIABLE_BATCH_BYTES, DELAY_MS);
    for (let seq = 0; seq < 10; seq++) w.write(frame(seq));
    assert.equal(w.dropped, 5);
    await turn();
    channel.drained();
    assert.deepEqual(carried(channel), [5, 6, 7, 8, 9]);
  });
});
