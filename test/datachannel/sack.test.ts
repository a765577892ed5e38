// broker-fix(sack-delay, sack-bundle): werift acknowledges received DATA the
// way RFC 9260 6.2 asks, not with a SACK datagram per packet: every second
// packet, after the delay timer for a lone one, and inside the next outgoing
// DATA packet when it has data to send anyway (a comm server always has: it
// forwards to each client what the others publish).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RTCPeerConnection as WeriftPeerConnection } from '#werift';
import { CHUNK_DATA, CHUNK_SACK, connectPair, countReceivedPackets, sctpAssociation, sequencedMessage, type SctpChunk } from './helpers.js';

interface SackCounts {
  /** SACKs sent in a packet of their own. */
  alone: number;
  /** SACKs that went out in front of DATA. */
  withData: number;
}

function countSacks(pc: WeriftPeerConnection): SackCounts {
  const counts = { alone: 0, withData: 0 };
  const association = sctpAssociation(pc);
  const sendChunk = association.sendChunk.bind(association);
  association.sendChunk = (chunk) => {
    if (chunk.type === CHUNK_SACK) counts.alone++;
    return sendChunk(chunk);
  };
  const sendBundle = association.sendBundle.bind(association);
  association.sendBundle = (chunks: SctpChunk[]) => {
    if (chunks.some((chunk) => chunk.type === CHUNK_SACK) && chunks.some((chunk) => chunk.type === CHUNK_DATA)) counts.withData++;
    return sendBundle(chunks);
  };
  return counts;
}

interface SackReceiver {
  receiveSackChunk(chunk: unknown): Promise<void>;
  sentQueue: unknown[];
}

/** Resolves when the association has no DATA left unacknowledged. */
function allAcknowledged(pc: WeriftPeerConnection): Promise<void> {
  const association = sctpAssociation(pc) as unknown as SackReceiver;
  if (association.sentQueue.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const receiveSackChunk = association.receiveSackChunk.bind(association);
    association.receiveSackChunk = async (chunk) => {
      await receiveSackChunk(chunk);
      if (association.sentQueue.length === 0) resolve();
    };
  });
}

const ROUND_TRIPS = 100;

test(`${ROUND_TRIPS} request/reply round trips wrtc -> werift: the reply carries the SACK`, { timeout: 30_000 }, async () => {
  const pair = await connectPair('wrtc', 'werift', { reliable: {} });
  try {
    const { offerer, answerer } = pair.channels.get('reliable')!;
    const sacks = countSacks(pair.answererPc!);
    answerer.onMessage((data) => answerer.send(data));
    let replies = 0;
    const done = new Promise<void>((resolve) => {
      offerer.onMessage((data) => {
        assert.equal(data.readUInt32BE(0), replies);
        replies++;
        if (replies === ROUND_TRIPS) resolve();
        else offerer.send(sequencedMessage(replies, 16));
      });
    });
    offerer.send(sequencedMessage(0, 16));
    await done;
    // Unpatched: one SACK datagram per request, 100 of them.
    assert.ok(sacks.alone <= ROUND_TRIPS / 10, `${sacks.alone} SACKs sent alone for ${ROUND_TRIPS} requests`);
    assert.ok(sacks.withData >= ROUND_TRIPS / 2, `${sacks.withData} SACKs sent with DATA`);
  } finally {
    await pair.close();
  }
});

const ONE_WAY = 200;

test(`${ONE_WAY} messages werift -> werift, one per packet: acknowledged every second packet`, { timeout: 30_000 }, async () => {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  try {
    const { offerer, answerer } = pair.channels.get('reliable')!;
    const sacks = countSacks(pair.answererPc!);
    // Packets whose first chunk (after the 12-byte common header) is DATA.
    const packets = countReceivedPackets(pair.answererPc!, (packet) => packet[12] === CHUNK_DATA);
    let received = 0;
    const all = new Promise<void>((resolve) => {
      answerer.onMessage(() => {
        if (++received === ONE_WAY) resolve();
      });
    });
    for (let seq = 0; seq < ONE_WAY; seq++) {
      offerer.send(sequencedMessage(seq, 16));
      // A turn of the event loop between sends: each message leaves in a packet of its own.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await all;
    await allAcknowledged(pair.offererPc!);
    // Unpatched: one SACK per packet. The delay timer adds a few, so not exactly half.
    assert.ok(packets.count >= ONE_WAY / 2, `${packets.count} packets for ${ONE_WAY} messages`);
    assert.ok(sacks.alone <= packets.count * 0.6, `${sacks.alone} SACKs for ${packets.count} packets`);
  } finally {
    await pair.close();
  }
});

test('a lone message is acknowledged by the delay timer', { timeout: 10_000 }, async () => {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  try {
    const { offerer, answerer } = pair.channels.get('reliable')!;
    const received = new Promise<void>((resolve) => answerer.onMessage(() => resolve()));
    offerer.send(sequencedMessage(0, 16));
    await received;
    await allAcknowledged(pair.offererPc!);
  } finally {
    await pair.close();
  }
});
