// 10% of the werift sender's UDP datagrams dropped (and the werift
// receiver's, when it is werift): the reliable channel still delivers all in
// order, the unreliable one loses some, never retransmits and moves on with
// FORWARD-TSN (broker-fix pr-abandon, rtx-storm, fwd-tsn-*, pop-reset).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  CHUNK_DATA,
  CHUNK_FORWARD_TSN,
  DATA_FLAG_UNORDERED,
  connectPair,
  dropOutgoingPackets,
  observeSentChunks,
  receiveSequenced,
  sequencedMessage,
  type PeerKind,
} from './helpers.js';

const MESSAGES = 1000;
const SIZE = 200;
const DROP_RATE = 0.1;

for (const receiver of ['werift', 'wrtc'] as PeerKind[]) {
  test(`10% loss, werift -> ${receiver}: reliable complete, unreliable lossy`, { timeout: 60_000 }, async () => {
    const pair = await connectPair('werift', receiver, {
      reliable: {},
      unreliable: { ordered: false, maxRetransmits: 0 },
    });
    try {
      const reliable = pair.channels.get('reliable')!;
      const unreliable = pair.channels.get('unreliable')!;
      const sender = pair.offererPc!;

      let forwardTsnSent = 0;
      const unreliableSends = new Map<number, number>();
      observeSentChunks(sender, (chunk) => {
        if (chunk.type === CHUNK_FORWARD_TSN) forwardTsnSent++;
        if (chunk.type === CHUNK_DATA && chunk.flags & DATA_FLAG_UNORDERED) {
          unreliableSends.set(chunk.tsn, (unreliableSends.get(chunk.tsn) ?? 0) + 1);
        }
      });
      const dropped = dropOutgoingPackets(sender, DROP_RATE, 1);
      if (pair.answererPc) dropOutgoingPackets(pair.answererPc, DROP_RATE, 2);

      const reliableReceipt = receiveSequenced(reliable.answerer);
      let unreliableReceived = 0;
      unreliable.answerer.onMessage(() => unreliableReceived++);
      // Each unreliable message goes out before the reliable one after it, so
      // by the time the last reliable message arrives every unreliable one has
      // had its single transmission.
      for (let seq = 0; seq < MESSAGES; seq++) {
        unreliable.offerer.send(sequencedMessage(seq, SIZE));
        reliable.offerer.send(sequencedMessage(seq, SIZE));
      }
      await reliableReceipt.reached(MESSAGES);

      assert.ok(dropped.dropped > 0, 'the fault injection dropped packets');
      assert.equal(reliableReceipt.received, MESSAGES);
      assert.equal(reliableReceipt.outOfOrder, 0);
      assert.ok(unreliableReceived < MESSAGES, `unreliable lost some (${unreliableReceived}/${MESSAGES})`);
      assert.ok(unreliableReceived > MESSAGES * 0.7, `unreliable delivered most (${unreliableReceived}/${MESSAGES})`);
      assert.equal(unreliableSends.size, MESSAGES);
      assert.deepEqual(
        [...unreliableSends.values()].filter((sends) => sends > 1),
        [],
        'no unreliable DATA chunk sent more than once (maxRetransmits 0)',
      );
      assert.ok(forwardTsnSent > 0, 'abandoned chunks were skipped with FORWARD-TSN');
    } finally {
      await pair.close();
    }
  });
}
