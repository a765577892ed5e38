// THE COMPATIBILITY GUARANTEE for original clients. A raw client written only
// from PROTOCOL.md — its own protobuf bytes (test/helpers/protobuf-wire.ts),
// libwebrtc's RTCPeerConnection (@roamhq/wrtc) and a bare `ws` WebSocket,
// nothing from shared/ or client/ — talks to an in-process Coordinator and
// CommServer, next to a client of our own library.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { Coordinator } from '../../coordinator/index.js';
import { CommServer } from '../../commserver/index.js';
import { BrokerClient, type ReceivedMessage } from '../../client/index.js';
import { silentLogger } from '../../shared/log.js';
import { LOOPBACK, loopbackWerift } from '../helpers/loopback.js';
import { RawClient, TOPIC_FW, WELCOME, auth, roundTrip, subscription, text, topic } from './raw-client.js';
import { untilTrue } from '../helpers/until-true.js';

/** The next message a BrokerClient receives. */
function nextMessage(client: BrokerClient): Promise<ReceivedMessage> {
  return new Promise((resolve) => client.once('message', resolve));
}

describe('an original client (raw protocol, libwebrtc) against our broker', () => {
  let coordinator: Coordinator;
  let server: CommServer;

  before(async () => {
    coordinator = await Coordinator.start({ host: LOOPBACK, port: 0, logger: silentLogger() });
    server = new CommServer({ coordinatorUrl: coordinator.url, rtc: loopbackWerift, logger: silentLogger() });
    const registered = once(server, 'registered');
    server.start();
    await registered;
  });

  after(async () => {
    await Promise.all([...RawClient.open].map((client) => client.close()));
    await server.close();
    await coordinator.close();
  });

  test('connects, authenticates, subscribes, receives, publishes and pings', { timeout: 60_000 }, async () => {
    const raw = await RawClient.connect(coordinator.url);
    let ours: BrokerClient | undefined;
    try {
      assert.equal(raw.signalingTypes[0], WELCOME);
      assert.equal(raw.serverAlias, server.alias);
      assert.ok(Number.isSafeInteger(raw.alias) && raw.alias > 0);

      const reliable = await raw.channel('reliable');
      const unreliable = await raw.channel('unreliable');
      assert.equal(reliable.dc.ordered, true);
      // libwebrtc's binding reports an unset maxRetransmits as 65535 rather than null.
      assert.ok([null, 65535].includes(reliable.dc.maxRetransmits), `reliable maxRetransmits ${reliable.dc.maxRetransmits}`);
      assert.equal(unreliable.dc.ordered, false);
      assert.equal(unreliable.dc.maxRetransmits, 0);

      // AUTH first on reliable, then the subscription; the PING echo proves both were processed.
      await raw.send('reliable', auth('raw-client'));
      await raw.send('reliable', subscription('a b'));
      await roundTrip(raw, 1234.5);

      ours = await BrokerClient.connect({ coordinatorUrl: coordinator.url, rtc: loopbackWerift });
      assert.equal(ours.serverAlias, raw.serverAlias);
      ours.subscribe('b');
      await ours.ping();

      // Our client publishes on 'a': the raw client receives TOPIC_FW, and only the fields it knows plus topic = 4.
      ours.publish('a', 'hello raw');
      const forwarded = await raw.next('reliable');
      assert.equal(forwarded.uint(1), TOPIC_FW);
      assert.equal(forwarded.uint(2), ours.alias, 'from_alias is the publisher');
      assert.equal(text(forwarded.bytes(3)), 'hello raw');
      assert.equal(forwarded.string(4), 'a', 'extension field 4: the topic (an original client ignores it)');
      assert.deepEqual([...new Set(forwarded.fields.map((f) => f.field))].sort(), [1, 2, 3, 4]);

      // The raw client publishes on 'b' (with a spoofed from_alias, which the server must overwrite).
      const received = nextMessage(ours);
      await raw.send('reliable', topic('b', 'hello ours', 424242));
      const got = await received;
      assert.equal(got.topic, 'b');
      assert.equal(got.from, raw.alias);
      assert.equal(text(got.body), 'hello ours');
      assert.equal(got.reliable, true);

      // A client does not get its own message back, even on a topic it subscribed to.
      await raw.send('reliable', topic('a', 'to nobody else'));
      await roundTrip(raw, 42.25);

      // A message goes out on the channel it came in on.
      ours.publish('a', 'unreliable hello', { reliable: false });
      const unreliableForward = await raw.next('unreliable');
      assert.equal(unreliableForward.uint(1), TOPIC_FW);
      assert.equal(unreliableForward.uint(2), ours.alias);
      assert.equal(text(unreliableForward.bytes(3)), 'unreliable hello');

      // A new full set replaces the old one: after SUBSCRIPTION "b", 'a' no longer reaches the raw client.
      await raw.send('reliable', subscription('b'));
      await roundTrip(raw, 7);
      ours.publish('a', 'not for raw');
      await ours.ping();
      const fromOurs = nextMessage(ours);
      await raw.send('reliable', topic('b', 'still here'));
      assert.equal(text((await fromOurs).body), 'still here');
      await roundTrip(raw, 8);

      raw.assertHealthy();
    } finally {
      ours?.close();
      await raw.close();
    }
  });

  test('TOPICs on unreliable before its AUTH are dropped and counted, and it is then served', { timeout: 60_000 }, async () => {
    const ours = await BrokerClient.connect({ coordinatorUrl: coordinator.url, rtc: loopbackWerift });
    const raw = await RawClient.connect(coordinator.url);
    try {
      const received: ReceivedMessage[] = [];
      ours.on('message', (m: ReceivedMessage) => received.push(m));
      ours.subscribe('early');
      await ours.ping();

      const before = server.stats.beforeAuth;
      for (let i = 0; i < 5; i++) await raw.send('unreliable', topic('early', `early ${i}`));
      await untilTrue(() => server.stats.beforeAuth === before + 5, 'the early frames reached the server');
      await raw.send('reliable', auth('raw-client'));
      await roundTrip(raw, 99);
      assert.ok(server.peers.get(raw.alias)?.authenticated, 'not closed for them');

      const served = nextMessage(ours);
      await raw.send('unreliable', topic('early', 'after auth'));
      const got = await served;
      assert.equal(text(got.body), 'after auth');
      assert.equal(got.from, raw.alias);
      assert.equal(got.reliable, false);
      assert.deepEqual(received.map((m) => text(m.body)), ['after auth'], 'nothing sent before admission was relayed');
      raw.assertHealthy();
    } finally {
      ours.close();
      await raw.close();
    }
  });

  // The bound is far below ICE consent expiry (30 s): the channel closes because the server's SCTP ABORT arrives.
  test('a TOPIC before AUTH closes the connection', { timeout: 10_000 }, async () => {
    const raw = await RawClient.connect(coordinator.url);
    try {
      const serverClosed = new Promise<string>((resolve) => {
        const onClosed = (peer: { alias: number }, reason: string): void => {
          if (peer.alias !== raw.alias) return;
          server.off('peerClosed', onClosed);
          resolve(reason);
        };
        server.on('peerClosed', onClosed);
      });
      const reliable = await raw.channel('reliable');
      await raw.send('reliable', topic('a', 'too early'));
      assert.equal(await serverClosed, 'protocol-error');
      assert.equal(server.peers.has(raw.alias), false);
      await reliable.closed;
      assert.equal(reliable.dc.readyState, 'closed');
    } finally {
      await raw.close();
    }
  });
});
