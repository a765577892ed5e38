// broker-fix(max-message-receive): a werift receiver takes no message larger
// than the max-message-size it advertises, and none that alone fills its
// receive window (1 MiB), which could never be completed: it stops
// reassembling, fails the channel the message came on with the reason, and
// aborts the association. Unpatched, a message over the limit was reassembled
// and delivered, and one over the window stalled the association for good.
// The senders here skip their own max-message-size check, as a peer that
// ignores the receiver's a=max-message-size does.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test } from 'node:test';
import type { RTCDataChannel as WeriftDataChannel, RTCPeerConnection as WeriftPeerConnection } from '#werift';
import { connectPair, type ConnectedPair } from './helpers.js';

const RECEIVE_WINDOW = 1024 * 1024;

/** A werift -> werift reliable channel whose sender ignores the receiver's max-message-size. */
async function pairIgnoringMaxMessageSize(): Promise<{ pair: ConnectedPair; sender: WeriftDataChannel; receiver: WeriftDataChannel; receiverPc: WeriftPeerConnection }> {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  const senderPc = pair.offererPc!;
  const receiverPc = pair.answererPc!;
  senderPc.sctpTransport!.setRemoteMaxMessageSize(0);
  const sender = senderPc.sctpTransport!.channelByLabel('reliable')!;
  const receiver = receiverPc.sctpTransport!.channelByLabel('reliable')!;
  return { pair, sender, receiver, receiverPc };
}

function nextMessage(channel: WeriftDataChannel): Promise<Buffer> {
  return new Promise((resolve) => channel.onMessage.once((data) => resolve(data as Buffer)));
}

/** The receiver's `error` event, and both ends' channels closing after it. */
async function expectRefused(
  { sender, receiver, receiverPc }: { sender: WeriftDataChannel; receiver: WeriftDataChannel; receiverPc: WeriftPeerConnection },
  message: Buffer,
  reason: RegExp,
): Promise<void> {
  const delivered: number[] = [];
  receiver.onMessage.subscribe((data) => delivered.push((data as Buffer).length));
  const errored = once(receiver, 'error') as Promise<[{ error: Error & { errorDetail?: string } }]>;
  // (events.once on 'close' would reject on the 'error' event.)
  const closed = (channel: WeriftDataChannel) => new Promise<void>((resolve) => channel.addEventListener('close', () => resolve()));
  const receiverClosed = closed(receiver);
  const senderClosed = closed(sender);
  sender.send(message);
  const [{ error }] = await errored;
  assert.match(error.message, reason);
  assert.equal(error.errorDetail, 'sctp-failure');
  await receiverClosed;
  await senderClosed; // the receiver's ABORT reached it
  assert.deepEqual(delivered, [], 'nothing delivered');
  const { inboundStreams } = receiverPc.sctpTransport!.sctp as unknown as { inboundStreams: Record<string, { reassembly: unknown[] }> };
  const held = Object.values(inboundStreams).reduce((sum, stream) => sum + stream.reassembly.length, 0);
  assert.equal(held, 0, 'nothing left held for reassembly');
}

test('a message over the advertised max-message-size (65536) fails the channel and aborts the association', { timeout: 20_000 }, async () => {
  const ends = await pairIgnoringMaxMessageSize();
  try {
    assert.equal(ends.receiverPc.sctpTransport!.maxMessageSize, 65_536);
    const atLimit = nextMessage(ends.receiver);
    ends.sender.send(Buffer.alloc(65_536, 1));
    assert.equal((await atLimit).length, 65_536, 'a message of exactly max-message-size arrives');
    await expectRefused(ends, Buffer.alloc(300_000, 2), /^message of \d+ bytes or more is over the limit of 65536 bytes \(max-message-size\)$/);
  } finally {
    await ends.pair.close();
  }
});

test('with no max-message-size (0), a message that fills the receive window fails the channel instead of stalling', { timeout: 20_000 }, async () => {
  const ends = await pairIgnoringMaxMessageSize();
  try {
    ends.receiverPc.sctpTransport!.maxMessageSize = 0;
    const large = nextMessage(ends.receiver);
    ends.sender.send(Buffer.alloc(RECEIVE_WINDOW - 48_576, 3));
    assert.equal((await large).length, RECEIVE_WINDOW - 48_576, 'a message under the window arrives');
    await expectRefused(ends, Buffer.alloc(1_200_000, 4), /^message of \d+ bytes or more does not fit the receive window of 1048576 bytes$/);
  } finally {
    await ends.pair.close();
  }
});
