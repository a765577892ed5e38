// Partial reliability (RFC 3758) under a path that drops everything the
// werift sender sends, until its retransmission timer (T3) expires:
// broker-fix(pr-lifetime), a message past its maxPacketLifeTime is abandoned
// rather than resent; broker-fix(pr-abandon-queued), abandoning a message
// also drops its fragments still waiting in the outbound queue.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CHUNK_DATA,
  CHUNK_FORWARD_TSN,
  connectPair,
  cutOutgoingPath,
  observeSentChunks,
  recordT3Expiries,
  sequencedMessage,
  type Channel,
  type ChannelOptions,
  type SctpChunk,
} from './helpers.js';

const SMALL = 100;
const LIFETIME_MS = 50;
// werift's SCTP fragments at 1200 bytes and starts with a congestion window
// of three of them, so most of this message waits in the outbound queue.
const LARGE = 60_000;
const FRAGMENT_BYTES = 1200;

interface DataChunk extends SctpChunk {
  userData?: Buffer;
}

/** The sequence numbers a channel received; `arrived(seq)` resolves when that one is in. */
function collectSequences(channel: Channel): { sequences: number[]; arrived(seq: number): Promise<void> } {
  const sequences: number[] = [];
  const waiters = new Map<number, () => void>();
  channel.onMessage((data) => {
    const seq = data.readUInt32BE(0);
    sequences.push(seq);
    waiters.get(seq)?.();
  });
  return {
    sequences,
    arrived: (seq) => (sequences.includes(seq) ? Promise.resolve() : new Promise((resolve) => waiters.set(seq, resolve))),
  };
}

/** Transmissions per DATA chunk TSN, by chunk size, and FORWARD-TSN chunks sent. */
function countTransmissions(chunks: DataChunk[]): { sendsByTsn: Map<number, number>; forwardTsns: number } {
  const sendsByTsn = new Map<number, number>();
  let forwardTsns = 0;
  for (const chunk of chunks) {
    if (chunk.type === CHUNK_FORWARD_TSN) forwardTsns++;
    if (chunk.type === CHUNK_DATA) sendsByTsn.set(chunk.tsn, (sendsByTsn.get(chunk.tsn) ?? 0) + 1);
  }
  return { sendsByTsn, forwardTsns };
}

/**
 * On a fresh werift -> libwebrtc channel: message 0, then message 1 (`size`
 * bytes) with the sender's path cut until its first T3 expiry, then message
 * 2 on the restored path. Returns the chunks sent from the cut on and the
 * sequence numbers received once message 2 is in.
 */
async function sendAcrossOutage(options: ChannelOptions, size: number): Promise<{ sent: DataChunk[]; sequences: number[] }> {
  const pair = await connectPair('werift', 'wrtc', { probe: options });
  try {
    const { offerer, answerer } = pair.channels.get('probe')!;
    const received = collectSequences(answerer);
    offerer.send(sequencedMessage(0, SMALL));
    await received.arrived(0);

    const sent: DataChunk[] = [];
    observeSentChunks(pair.offererPc!, (chunk) => sent.push(chunk));
    const path = cutOutgoingPath(pair.offererPc!);
    const timeout = recordT3Expiries(pair.offererPc!, 1);
    offerer.send(sequencedMessage(1, size));
    await timeout.done;
    path.restore();
    offerer.send(sequencedMessage(2, SMALL));
    await received.arrived(2);
    return { sent, sequences: received.sequences };
  } finally {
    await pair.close();
  }
}

test('a message past its maxPacketLifeTime is abandoned at the retransmission timeout, not resent', { timeout: 20_000 }, async () => {
  const { sent, sequences } = await sendAcrossOutage({ ordered: false, maxPacketLifeTime: LIFETIME_MS }, SMALL);
  const lostTsn = sent.find((chunk) => chunk.type === CHUNK_DATA)!.tsn;
  const { sendsByTsn, forwardTsns } = countTransmissions(sent);
  assert.equal(sendsByTsn.get(lostTsn), 1, 'the expired message was sent once, never resent');
  assert.ok(forwardTsns > 0, 'FORWARD-TSN told the receiver to skip it');
  assert.deepEqual(sequences, [0, 2]);
});

test('abandoning a message also drops its fragments still in the outbound queue', { timeout: 20_000 }, async () => {
  const { sent, sequences } = await sendAcrossOutage({ ordered: false, maxRetransmits: 0 }, LARGE);
  const fragments = sent.filter((chunk) => chunk.type === CHUNK_DATA && chunk.userData!.length === FRAGMENT_BYTES);
  const { sendsByTsn } = countTransmissions(fragments);
  const totalFragments = Math.floor(LARGE / FRAGMENT_BYTES);
  assert.ok(sendsByTsn.size > 0, 'the first fragments went out before the timeout');
  assert.ok(sendsByTsn.size < totalFragments / 2, `only the first fragments were ever sent (${sendsByTsn.size} of ${totalFragments})`);
  assert.deepEqual([...sendsByTsn.values()].filter((sends) => sends > 1), [], 'no fragment sent twice (maxRetransmits 0)');
  assert.ok(countTransmissions(sent).forwardTsns > 0, 'FORWARD-TSN told the receiver to skip the message');
  assert.deepEqual(sequences, [0, 2]);
});
