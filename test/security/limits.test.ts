// Limits with defaults: connections per coordinator (503), signaling per
// client at the coordinator (dropped over the bucket), messages per client at
// a comm server (dropped on unreliable, closing on reliable; our client paces
// itself to the rate the server announces).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrokerClientError } from '../../client/index.js';
import type { Peer, PeerCloseReason } from '../../commserver/index.js';
import { Connect, MessageType, Role, WebRtc } from '../../shared/codec.js';
import { coordinatorLimitDefaults, commServerLimitDefaults } from '../../shared/config.js';
import { connectClient, connectServer, peerRemoved, refusedUpgradeStatus, type TestPeer } from '../coordinator/helpers.js';
import { Inbox, bodyText } from '../helpers/messages.js';
import { WireMessage } from '../helpers/protobuf-wire.js';
import { RawPeer, ROLE, T, frames } from '../hostile/raw-peer.js';
import { clientFor, coordinatorFor, nextEvent, serverFor } from './helpers.js';

/** Resolves once the coordinator handled everything `peer` sent before: it answers a WebSocket ping after them. */
function drained(peer: TestPeer): Promise<void> {
  return new Promise((resolve) => {
    peer.ws.once('pong', () => resolve());
    peer.ws.ping();
  });
}

test('the limits have defaults', () => {
  assert.equal(coordinatorLimitDefaults.maxConnections, 10_000);
  assert.equal(coordinatorLimitDefaults.maxSignalingPerSecond, 50);
  assert.equal(commServerLimitDefaults.maxMessagesPerSecond, 1000);
  assert.ok(commServerLimitDefaults.messageBurst >= commServerLimitDefaults.maxMessagesPerSecond);
});

test('connections beyond maxConnections are refused with 503 until one leaves', async (t) => {
  const coordinator = await coordinatorFor(t, { limits: { maxConnections: 2 } });
  const server = await connectServer(coordinator);
  const client = await connectClient(coordinator);
  const refused = nextEvent(coordinator, 'upgradeRefused');
  assert.equal(await refusedUpgradeStatus(coordinator, '/connect'), 503);
  assert.equal(await refusedUpgradeStatus(coordinator, '/discover?role=COMMUNICATION_SERVER'), 503);
  assert.deepEqual(await refused, [503, Role.CLIENT]);
  assert.equal(coordinator.stats.refusedUpgrades.overloaded, 2);
  const removed = peerRemoved(coordinator, client.alias);
  await client.peer.close();
  await removed;
  const again = await connectClient(coordinator);
  assert.ok(again.alias > 0);
  await again.peer.close();
  await server.peer.close();
});

test("a client's signaling over its bucket is dropped and counted; servers are exempt", async (t) => {
  // A burst of 5 and a refill too slow to matter during the test.
  const coordinator = await coordinatorFor(t, { limits: { maxSignalingPerSecond: 0.01, signalingBurst: 5 } });
  const server = await connectServer(coordinator);
  const client = await connectClient(coordinator);
  for (let i = 0; i < 20; i++) client.peer.send(Connect.encode({ type: MessageType.CONNECT, toAlias: server.alias }));
  await drained(client.peer);
  assert.equal(coordinator.stats.relayed.CONNECT, 5);
  assert.equal(coordinator.stats.droppedRateLimited, 15);
  for (let i = 0; i < 5; i++) assert.equal((await server.peer.nextFrame()).length > 0, true);

  const data = new TextEncoder().encode('{"type":"offer","sdp":"v=0"}');
  for (let i = 0; i < 20; i++) server.peer.send(WebRtc.encode({ type: MessageType.WEBRTC_OFFER, toAlias: client.alias, data }));
  await drained(server.peer);
  assert.equal(coordinator.stats.relayed.WEBRTC_OFFER, 20);
  assert.equal(coordinator.stats.droppedRateLimited, 15);
  await client.peer.close();
  await server.peer.close();
});

test('a client over its message rate: unreliable excess is dropped, reliable excess closes it as RATE_LIMITED', async (t) => {
  const coordinator = await coordinatorFor(t);
  // A bucket of 10 messages and a refill too slow to matter during the test.
  const server = await serverFor(t, coordinator, { limits: { maxMessagesPerSecond: 0.01, messageBurst: 10 } });
  const reader = await clientFor(t, coordinator);
  const inbox = new Inbox(reader);
  reader.subscribe('flood');
  await reader.ping(); // SUBSCRIPTION applied: it went before the PING on `reliable`.

  // A peer that does not pace itself, as a client that ignores the announcement would.
  const flooder = await RawPeer.connect(coordinator.url, { serverAlias: server.alias! });
  t.after(() => flooder.close());
  flooder.send('reliable', frames.auth('flooder', ROLE.CLIENT, ['ack']));
  const announcement = new WireMessage(await flooder.channel('reliable').frames.next());
  assert.equal(announcement.uint(1), T.AUTH);
  assert.equal(announcement.double(6), 0.01, 'the server announces its rate');
  assert.equal(announcement.uint(7), 10, 'and its burst');
  await flooder.roundTrip(); // one token

  let limited = 0;
  const twentyDropped = new Promise<void>((resolve) => {
    server.on('rateLimited', (peer, channel) => {
      assert.equal(peer.alias, flooder.alias);
      assert.equal(channel, 'unreliable');
      if (++limited === 20) resolve();
    });
  });
  for (let i = 0; i < 30; i++) flooder.send('unreliable', frames.topic('flood', `u${i}`));
  await twentyDropped;
  server.removeAllListeners('rateLimited');
  assert.equal(server.peers.get(flooder.alias)!.closed, false, 'dropping unreliable messages does not close the client');
  assert.ok(server.rateLimited.dropped >= 20 && server.rateLimited.dropped <= 21, String(server.rateLimited.dropped));
  await inbox.until((messages) => messages.length >= 1);
  assert.ok(inbox.messages.length <= 9, `${inbox.messages.length} delivered`);
  assert.ok(inbox.messages.every((m) => bodyText(m).startsWith('u')));

  // Over the bucket on `reliable`: the client is told why, then closed; never silently thinned.
  const closed = nextEvent<[Peer, PeerCloseReason]>(server, 'peerClosed', (p) => p.alias === flooder.alias);
  for (let i = 0; i < 3; i++) flooder.send('reliable', frames.topic('flood', `r${i}`));
  let goodbye: WireMessage;
  do goodbye = new WireMessage(await flooder.channel('reliable').frames.next()); while (goodbye.uint(1) !== T.GOODBYE);
  assert.equal(goodbye.string(2), 'RATE_LIMITED');
  assert.equal((await closed)[1], 'rate-limited');
  await flooder.closed;
  assert.equal(server.rateLimited.closed, 1);
  assert.equal(server.peers.has(reader.alias), true, 'other clients are served on');
  await reader.ping();
});

test('our client stays inside the announced rate: reliable messages wait their turn, unreliable excess is dropped before sending', async (t) => {
  const coordinator = await coordinatorFor(t);
  const server = await serverFor(t, coordinator, { limits: { maxMessagesPerSecond: 40, messageBurst: 10 } });
  const publisher = await clientFor(t, coordinator, { reconnect: { enabled: false } });
  const reader = await clientFor(t, coordinator);
  const inbox = new Inbox(reader);
  reader.subscribe('paced');
  await reader.ping();
  let lost: unknown;
  publisher.on('disconnected', (error) => (lost = error));

  for (let i = 0; i < 30; i++) publisher.publish('paced', `u${i}`, { reliable: false });
  assert.ok(publisher.unreliableDropped >= 20, `${publisher.unreliableDropped} unreliable messages dropped by the client`);
  const expected = Array.from({ length: 80 }, (_, i) => `r${i}`);
  for (const body of expected) publisher.publish('paced', body);
  await inbox.until((messages) => messages.filter((m) => bodyText(m).startsWith('r')).length >= expected.length, 20_000);
  assert.deepEqual(inbox.texts((m) => bodyText(m).startsWith('r')), expected, 'every reliable message, once, in order');
  assert.equal(server.rateLimited.closed, 0);
  assert.equal(server.rateLimited.dropped, 0, 'the server dropped nothing: the client kept inside its bucket');
  assert.equal(lost, undefined);
  await publisher.flush();
  assert.equal(publisher.unacknowledged, 0);
});

test("our client closed for its rate learns why: its close event's error is RATE_LIMITED", { timeout: 30_000 }, async (t) => {
  const coordinator = await coordinatorFor(t);
  const server = await serverFor(t, coordinator, { limits: { maxMessagesPerSecond: 2, messageBurst: 4 } });
  // The heartbeat's PINGs do not wait for the pacer (it keeps only a tenth of the rate for them): at one every
  // other 20 ms tick against a server allowing 2 a second, the client goes over its bucket with nothing published.
  const client = await clientFor(t, coordinator, { reconnect: { enabled: false }, heartbeatIntervalMs: 20, heartbeatTimeoutMs: 5_000 });
  const closedBy = nextEvent<[Peer, PeerCloseReason]>(server, 'peerClosed', (peer) => peer.alias === client.alias);
  const error = await new Promise<BrokerClientError>((resolve) => client.once('close', resolve));
  assert.equal(error.code, 'RATE_LIMITED', error.message);
  assert.equal((await closedBy)[1], 'rate-limited');
  assert.equal(server.rateLimited.closed, 1);
});
