// shared/writer.ts: ChannelWriter over a real werift data channel pair on
// 127.0.0.1. Queue policies are driven by writing synchronously faster than
// the send window allows (bufferedAmount only falls once the event loop turns).
import { afterEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { RTCDataChannel, RTCPeerConnection } from '#werift';
import { ChannelWriter, type WriterOptions } from '../../shared/writer.js';
import type { DataChannelLike } from '../../shared/rtc.js';
import { createWeriftPeerConnection } from '../datachannel/helpers.js';

const LOOPBACK = '127.0.0.1';

interface Pair {
  sender: RTCDataChannel;
  receiver: RTCDataChannel;
  close(): Promise<void>;
}

function opened(dc: RTCDataChannel): Promise<RTCDataChannel> {
  if (dc.readyState === 'open') return Promise.resolve(dc);
  return new Promise((resolve, reject) => {
    const { unSubscribe } = dc.stateChanged.subscribe((state) => {
      if (state === 'open') {
        unSubscribe();
        resolve(dc);
      } else if (state === 'closed') {
        unSubscribe();
        reject(new Error(`channel ${dc.label} closed before opening`));
      }
    });
  });
}

/** Candidates go to the other side once its remote description is set. */
function trickle(from: RTCPeerConnection, to: RTCPeerConnection): { ready(): void } {
  let pending: Array<Parameters<RTCPeerConnection['addIceCandidate']>[0]> | undefined = [];
  const add = (candidate: Parameters<RTCPeerConnection['addIceCandidate']>[0]): void => {
    to.addIceCandidate(candidate).catch(() => {});
  };
  from.onIceCandidate.subscribe((candidate) => {
    if (!candidate?.candidate.includes(` ${LOOPBACK} `)) return;
    if (pending) pending.push(candidate.toJSON());
    else add(candidate.toJSON());
  });
  return {
    ready() {
      const queued = pending ?? [];
      pending = undefined;
      queued.forEach(add);
    },
  };
}

/** Two werift peers in-process over loopback, one ordered, reliable channel between them. */
async function connectedChannel(): Promise<Pair> {
  const offerer = createWeriftPeerConnection();
  const answerer = createWeriftPeerConnection();
  const close = async (): Promise<void> => {
    await Promise.all([offerer.close(), answerer.close()]);
  };
  try {
    const toAnswerer = trickle(offerer, answerer);
    const toOfferer = trickle(answerer, offerer);
    const remote = new Promise<RTCDataChannel>((resolve) => {
      answerer.onDataChannel.subscribe((dc) => resolve(opened(dc)));
    });
    const local = opened(offerer.createDataChannel('writer-test'));
    await offerer.setLocalDescription(await offerer.createOffer());
    await answerer.setRemoteDescription(offerer.localDescription!);
    toAnswerer.ready();
    await answerer.setLocalDescription(await answerer.createAnswer());
    await offerer.setRemoteDescription(answerer.localDescription!);
    toOfferer.ready();
    const [sender, receiver] = await Promise.all([local, remote]);
    return { sender, receiver, close };
  } catch (error) {
    await close();
    throw error;
  }
}

function frame(seq: number, size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  new DataView(bytes.buffer).setUint32(0, seq);
  return bytes;
}

const SENTINEL = 0xffffffff;

/** Sequence numbers of the frames a channel receives, in arrival order. */
function collect(dc: RTCDataChannel): { seqs: number[]; sizes: number[]; until(count: number): Promise<void>; sentinel(): Promise<void> } {
  const seqs: number[] = [];
  const sizes: number[] = [];
  const waiters: Array<{ done: () => boolean; resolve: () => void }> = [];
  let sawSentinel = false;
  dc.onMessage.subscribe((data) => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    const seq = bytes.readUInt32BE(0);
    if (seq === SENTINEL) sawSentinel = true;
    else {
      seqs.push(seq);
      sizes.push(bytes.length);
    }
    for (const waiter of waiters.splice(0)) {
      if (waiter.done()) waiter.resolve();
      else waiters.push(waiter);
    }
  });
  const wait = (done: () => boolean): Promise<void> =>
    done() ? Promise.resolve() : new Promise((resolve) => waiters.push({ done, resolve }));
  return {
    seqs,
    sizes,
    until: (count) => wait(() => seqs.length >= count),
    sentinel: () => wait(() => sawSentinel),
  };
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from }, (_, i) => from + i);

let pair: Pair | undefined;
afterEach(async () => {
  await pair?.close();
  pair = undefined;
});

function writerOn(dc: RTCDataChannel, options: WriterOptions): ChannelWriter {
  return new ChannelWriter(dc as unknown as DataChannelLike, options);
}

describe('ChannelWriter over a werift data channel', () => {
  test('frames pass through in order, through the queue and its drain on bufferedamountlow', { timeout: 30_000 }, async () => {
    pair = await connectedChannel();
    const received = collect(pair.receiver);
    const writer = writerOn(pair.sender, { windowBytes: 16 * 1024, queueBytes: 1024 * 1024, overflow: 'disconnect' });
    for (let seq = 0; seq < 300; seq++) assert.equal(writer.write(frame(seq, 1000)), true);
    assert.ok(writer.queuedFrames > 0, 'part of the run had to wait in the queue');
    await received.until(300);
    assert.deepEqual(received.seqs, range(0, 300));
    assert.ok(received.sizes.every((size) => size === 1000));
    assert.equal(writer.queuedFrames, 0);
    assert.equal(writer.queuedBytes, 0);
  });

  test("a frame larger than the whole window still goes out", { timeout: 30_000 }, async () => {
    pair = await connectedChannel();
    const received = collect(pair.receiver);
    const writer = writerOn(pair.sender, { windowBytes: 1000, queueBytes: 100_000, overflow: 'reject' });
    assert.equal(writer.write(frame(0, 5000)), true);
    assert.equal(writer.write(frame(1, 5000)), true);
    await received.until(2);
    assert.deepEqual(received.seqs, [0, 1]);
    assert.deepEqual(received.sizes, [5000, 5000]);
  });

  // windowBytes 1000 and 100-byte frames: the first 10 frames go straight to
  // the channel, the rest wait in a queue of at most 5000 bytes (50 frames).
  const options = { windowBytes: 1000, queueBytes: 5000 };

  test("'drop-oldest' keeps the newest frames within the bound and counts the dropped ones", { timeout: 30_000 }, async () => {
    pair = await connectedChannel();
    const received = collect(pair.receiver);
    const writer = writerOn(pair.sender, { ...options, overflow: 'drop-oldest' });
    for (let seq = 0; seq < 100; seq++) assert.equal(writer.write(frame(seq, 100)), true, `write ${seq}`);
    assert.equal(writer.dropped, 40);
    assert.equal(writer.queuedFrames, 50);
    assert.equal(writer.queuedBytes, 5000);
    await received.until(60);
    assert.deepEqual(received.seqs, [...range(0, 10), ...range(50, 100)]);
    assert.equal(writer.queuedBytes, 0);
    pair.sender.send(Buffer.from(frame(SENTINEL, 4)));
    await received.sentinel();
    assert.equal(received.seqs.length, 60, 'nothing dropped arrives late');
  });

  test("'reject' refuses frames once the queue is full, and accepts again once it drained", { timeout: 30_000 }, async () => {
    pair = await connectedChannel();
    const received = collect(pair.receiver);
    const writer = writerOn(pair.sender, { ...options, overflow: 'reject' });
    const accepted = range(0, 100).map((seq) => writer.write(frame(seq, 100)));
    assert.deepEqual(accepted, range(0, 100).map((seq) => seq < 60));
    assert.equal(writer.queuedBytes, 5000);
    assert.equal(writer.dropped, 0);
    await received.until(60);
    assert.deepEqual(received.seqs, range(0, 60));
    assert.equal(writer.queuedFrames, 0);
    assert.equal(writer.write(frame(100, 100)), true, 'the queue has room again');
    await received.until(61);
    assert.deepEqual(received.seqs, [...range(0, 60), 100]);
  });

  test("'disconnect' calls onOverflow once and refuses every later write", { timeout: 30_000 }, async () => {
    pair = await connectedChannel();
    const received = collect(pair.receiver);
    let overflows = 0;
    const writer = writerOn(pair.sender, { ...options, overflow: 'disconnect', onOverflow: () => overflows++ });
    const accepted = range(0, 100).map((seq) => writer.write(frame(seq, 100)));
    // 10 sent, 50 queued (exactly 5000 bytes, within the bound); the 61st overflows.
    assert.deepEqual(accepted, range(0, 100).map((seq) => seq < 60));
    assert.equal(overflows, 1);
    assert.equal(writer.queuedBytes, 0, 'the queue of a disconnected peer is released');
    // What was already handed to the channel arrives; the sentinel, sent behind it on
    // the same ordered channel, proves nothing else follows.
    pair.sender.send(Buffer.from(frame(SENTINEL, 4)));
    await received.sentinel();
    assert.deepEqual(received.seqs, range(0, 10));
    assert.equal(writer.write(frame(200, 4)), false, 'still refused after the channel drained');
    assert.equal(overflows, 1);
  });
});
