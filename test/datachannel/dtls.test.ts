// broker-fix(dtls-seq): no DTLS record werift sends repeats an (epoch,
// sequence number) pair; libwebrtc's replay window drops a repeated record.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectPair, receiveSequenced, sequencedMessage } from './helpers.js';

interface IceConnectionInternals {
  send(data: Buffer): Promise<void>;
}

const DTLS_CONTENT_TYPES = new Set([20, 21, 22, 23]);

/** (epoch, sequence) of each DTLS record in a datagram (RFC 6347 4.1). */
function recordIds(datagram: Buffer): string[] {
  const ids: string[] = [];
  for (let offset = 0; offset + 13 <= datagram.length; ) {
    if (!DTLS_CONTENT_TYPES.has(datagram[offset]!)) break;
    const epoch = datagram.readUInt16BE(offset + 3);
    const sequence = datagram.readUIntBE(offset + 5, 6);
    ids.push(`${epoch}:${sequence}`);
    offset += 13 + datagram.readUInt16BE(offset + 11);
  }
  return ids;
}

test('DTLS records from werift never reuse a sequence number, werift -> wrtc', { timeout: 15_000 }, async () => {
  const sent: string[] = [];
  const pair = await connectPair('werift', 'wrtc', { reliable: {} }, (pc) => {
    const connection = pc.sctpTransport!.dtlsTransport.iceTransport.connection as unknown as IceConnectionInternals;
    const send = connection.send.bind(connection);
    connection.send = (data) => {
      sent.push(...recordIds(data));
      return send(data);
    };
  });
  try {
    const { offerer, answerer } = pair.channels.get('reliable')!;
    const receipt = receiveSequenced(answerer);
    // One message at a time: sent together they would share one SCTP packet
    // and one record (broker-fix bundle), and the test needs many records.
    for (let seq = 0; seq < 10; seq++) {
      offerer.send(sequencedMessage(seq, 100));
      await receipt.reached(seq + 1);
    }
    const epochOne = sent.filter((id) => id.startsWith('1:'));
    assert.ok(epochOne.length >= 10, 'encrypted records were observed');
    assert.deepEqual(
      epochOne.filter((id, index) => epochOne.indexOf(id) !== index),
      [],
      'no (epoch, sequence) sent twice',
    );
  } finally {
    await pair.close();
  }
});
