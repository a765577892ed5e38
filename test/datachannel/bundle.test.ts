// broker-fix(bundle, send-defer, rtx-index): small messages sent in one turn
// of the event loop share SCTP packets (one DTLS record, one UDP datagram),
// and libwebrtc reads those bundles (and werift reads libwebrtc's) in order
// and complete, on the reliable and on the unreliable channel.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RTCPeerConnection as WeriftPeerConnection } from '#werift';
import { connectPair, countReceivedPackets, receiveSequenced, sequencedMessage, type PeerKind } from './helpers.js';

interface IceConnectionInternals {
  send(data: Buffer): Promise<void>;
}

/** Counts the UDP datagrams a werift peer connection sends once connected. */
function countDatagrams(pc: WeriftPeerConnection): { count: number } {
  const counter = { count: 0 };
  const connection = pc.sctpTransport!.dtlsTransport.iceTransport.connection as unknown as IceConnectionInternals;
  const send = connection.send.bind(connection);
  connection.send = (data) => {
    counter.count++;
    return send(data);
  };
  return counter;
}


const MESSAGES = 2_000;
const SIZE = 20;

for (const label of ['reliable', 'unreliable'] as const) {
  const options = label === 'reliable' ? {} : { ordered: false, maxRetransmits: 0 };

  test(`${MESSAGES} x ${SIZE} B sent in one turn, werift -> wrtc (${label}): bundled, all delivered`, { timeout: 30_000 }, async () => {
    let datagrams = { count: 0 };
    const pair = await connectPair('werift', 'wrtc', { [label]: options }, (pc) => {
      datagrams = countDatagrams(pc);
    });
    try {
      const { offerer, answerer } = pair.channels.get(label)!;
      const receipt = receiveSequenced(answerer);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const before = datagrams.count;
      for (let seq = 0; seq < MESSAGES; seq++) offerer.send(sequencedMessage(seq, SIZE));
      await receipt.reached(MESSAGES);
      const sent = datagrams.count - before;
      assert.equal(receipt.received, MESSAGES);
      if (label === 'reliable') assert.equal(receipt.outOfOrder, 0);
      // A 20-byte message is a 36-byte DATA chunk: 33 of them fit a packet.
      // Unbundled this was one datagram per message (2,000).
      assert.ok(sent <= MESSAGES / 20, `${sent} datagrams for ${MESSAGES} messages`);
    } finally {
      await pair.close();
    }
  });
}

for (const [from, to] of [['wrtc', 'werift'], ['werift', 'werift']] as [PeerKind, PeerKind][]) {
  test(`${MESSAGES} x ${SIZE} B sent in one turn, ${from} -> ${to}: bundles read in order`, { timeout: 30_000 }, async () => {
    const pair = await connectPair(from, to, { reliable: {} });
    try {
      const { offerer, answerer } = pair.channels.get('reliable')!;
      const packets = countReceivedPackets(pair.answererPc!);
      const receipt = receiveSequenced(answerer);
      for (let seq = 0; seq < MESSAGES; seq++) offerer.send(sequencedMessage(seq, SIZE));
      await receipt.reached(MESSAGES);
      assert.equal(receipt.received, MESSAGES);
      assert.equal(receipt.outOfOrder, 0);
      // Some packets carried several messages, so bundles were read. How many
      // depends on thread timing in libwebrtc (it bundles what is queued when
      // it sends): 717 packets for 2,000 messages seen on a busy host.
      assert.ok(packets.count < MESSAGES, `${packets.count} packets received for ${MESSAGES} messages`);
    } finally {
      await pair.close();
    }
  });
}
