// The BATCH extension end to end: a comm server coalesces what it queues for
// a peer that announced "batch" (our client, another of our servers), and
// never sends BATCH to a peer that did not (an original client, here our
// client with the extension taken out of its AUTH, byte-identical to an
// original AUTH).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BrokerClient } from '../../client/index.js';
import type { CommServer } from '../../commserver/index.js';
import type { Peer } from '../../commserver/peer.js';
import { Auth, MessageType, peekType } from '../../shared/codec.js';
import type { DataChannelLike, PeerConnectionLike, RtcFactory } from '../../shared/rtc.js';
import { weriftFactory } from '../../shared/rtc-werift.js';
import { startCluster, type TestCluster } from '../helpers/cluster.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';

const BURST = 300;
const TOPIC = 'burst';

/**
 * werift peer connections whose client announces no extension (its AUTH is
 * re-encoded without field 5) and which record the type of every frame the
 * comm server sends.
 */
function originalClientRtc(types: number[]): RtcFactory {
  return (config) => {
    const pc = weriftFactory(config);
    let handler: PeerConnectionLike['ondatachannel'] = null;
    Object.defineProperty(pc, 'ondatachannel', {
      configurable: true,
      get: () => (handler ? (event: { channel: DataChannelLike }) => {
        const { channel } = event;
        const send = channel.send.bind(channel);
        channel.send = (frame: Uint8Array) => {
          if (peekType(frame) === MessageType.AUTH) frame = Auth.encode({ ...Auth.decode(frame), extensions: [] });
          send(frame);
        };
        channel.addEventListener('message', ({ data }) => {
          const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : (data as Uint8Array);
          types.push(peekType(bytes));
        });
        handler!(event);
      } : null),
      set: (value: PeerConnectionLike['ondatachannel']) => {
        handler = value;
      },
    });
    return pc;
  };
}

function peerOf(server: CommServer, alias: number): Peer {
  const peer = server.peers.get(alias);
  assert.ok(peer, `server has peer ${alias}`);
  return peer;
}

function linkTo(server: CommServer, other: CommServer): Peer {
  const link = [...server.peers.values()].find((peer) => peer.isServer && peer.authenticated && peer.alias === other.alias);
  assert.ok(link, 'servers are linked');
  return link;
}

describe('BATCH', () => {
  let cluster: TestCluster;
  let near: CommServer;
  let far: CommServer;
  let ours: BrokerClient;
  let original: BrokerClient;
  let publisher: BrokerClient;
  let oursInbox: Inbox;
  let originalInbox: Inbox;
  const originalTypes: number[] = [];

  before(async () => {
    cluster = await startCluster({ servers: 2 });
    [near, far] = cluster.servers as [CommServer, CommServer];
    cluster.nextClientServer = near.alias;
    ours = await cluster.connect();
    original = await cluster.connect({ rtc: originalClientRtc(originalTypes) });
    cluster.nextClientServer = far.alias;
    publisher = await cluster.connect();
    oursInbox = new Inbox(ours);
    originalInbox = new Inbox(original);
    ours.subscribe(TOPIC);
    original.subscribe(TOPIC);
    await untilRouted(TOPIC, [publisher], [{ client: ours, inbox: oursInbox }, { client: original, inbox: originalInbox }]);
  });

  after(() => cluster.close());

  test('negotiated per peer: our client and both ends of a server link batch, an original client does not', () => {
    assert.equal(peerOf(near, ours.alias).isBatching('reliable'), true);
    assert.equal(peerOf(near, ours.alias).isBatching('unreliable'), true);
    assert.equal(peerOf(near, original.alias).isBatching('reliable'), false);
    assert.equal(peerOf(near, original.alias).isBatching('unreliable'), false);
    // The connecting server announced in its AUTH, the accepting one answered with its own announcement.
    assert.equal(linkTo(near, far).isBatching('reliable'), true);
    assert.equal(linkTo(far, near).isBatching('reliable'), true);
  });

  for (const reliable of [true, false]) {
    const channel = reliable ? 'reliable' : 'unreliable';
    test(`a burst of ${BURST} on ${channel} across two servers: all delivered in order, batched only where announced`, async () => {
      const sent = Array.from({ length: BURST }, (_, i) => `${channel}-${i}`);
      const isBurst = (message: { body: Uint8Array }) => bodyText(message as never).startsWith(`${channel}-`);
      const nearToOurs = peerOf(near, ours.alias);
      const farToNear = linkTo(far, near);
      const [oursBatches, linkBatches] = [nearToOurs.batchesSent(channel), farToNear.batchesSent(channel)];
      originalTypes.length = 0;
      for (const body of sent) publisher.publish(TOPIC, body, { reliable });
      await oursInbox.until((messages) => messages.filter(isBurst).length === BURST);
      await originalInbox.until((messages) => messages.filter(isBurst).length === BURST);
      assert.deepEqual(oursInbox.texts(isBurst), sent);
      assert.deepEqual(originalInbox.texts(isBurst), sent);
      assert.ok(nearToOurs.batchesSent(channel) > oursBatches, 'the server batched to our client');
      assert.ok(farToNear.batchesSent(channel) > linkBatches, 'the far server batched to the near one');
      assert.ok(originalTypes.length >= BURST);
      assert.ok(!originalTypes.includes(MessageType.BATCH), 'the original client saw no BATCH');
      assert.ok(!originalTypes.includes(MessageType.AUTH), 'nor an extension announcement');
    });
  }
});
