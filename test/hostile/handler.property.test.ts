// Property-based test of the comm server's message handler over a real
// connection (fast-check, few runs: each one is a live peer). For any short
// sequence of frames a peer sends after AUTH: the server does not crash; the
// peer is either still served (a PING round trip) or closed as a protocol
// error and gone from the server's peers; nothing is left subscribed for a
// closed peer; and a bystander pair still exchanges messages. The same for
// any short sequence of WebSocket frames (any header bits) on the WebSocket
// fallback endpoint, before or after AUTH.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Bystanders, closeReason, startHostileCluster, type HostileCluster } from './helpers.js';
import { hostileFrame, hostileWebSocketFrame } from './frame-arbitraries.js';
import { RawPeer, frames as brokerFrames } from './raw-peer.js';
import { RawWebSocket, binary } from './raw-websocket.js';

let cluster: HostileCluster;
let bystanders: Bystanders;

before(async () => {
  cluster = await startHostileCluster({ connectTimeoutMs: 5_000 });
  bystanders = await Bystanders.start(cluster);
});

after(async () => {
  await RawPeer.closeAll();
  await RawWebSocket.closeAll();
  await cluster?.close();
});

test('any short frame sequence after AUTH leaves the peer served or closed as a protocol error, and the server serving', { timeout: 90_000 }, async () => {
  const { server } = cluster;
  const sequence = fc.array(fc.tuple(hostileFrame([bystanders.a.alias, bystanders.b.alias], 0.15), fc.boolean()), { minLength: 1, maxLength: 8 });
  await fc.assert(fc.asyncProperty(sequence, async (frames) => {
    // It announces `direct`, so that its DIRECTs are routed (to the bystanders, by their aliases, among others).
    const peer = await RawPeer.authenticated(cluster.coordinator.url, { extensions: ['direct'] });
    const reason = closeReason(server, peer.alias, 15_000);
    reason.catch(() => undefined);
    try {
      for (const [frame, reliable] of frames) peer.send(reliable ? 'reliable' : 'unreliable', frame);
      await peer.roundTrip(Math.random(), 5_000);
      assert.ok(server.peers.get(peer.alias)?.authenticated, 'a peer that answers PING is still served');
    } catch {
      assert.equal(await reason, 'protocol-error');
      assert.equal(server.peers.has(peer.alias), false);
    } finally {
      await peer.close();
    }
    // Whatever happened to it, once it is gone only the bystanders' topic is routed.
    if (server.peers.has(peer.alias)) await reason;
    assert.equal(server.topicCount, 1, 'topics of departed peers are gone');
    await bystanders.exchange();
  }), { seed: 0xb0b, numRuns: 25 });
});

test('any short WebSocket frame sequence on the fallback endpoint leaves the connection served, closed as a protocol error, or waiting for announced bytes', { timeout: 90_000 }, async () => {
  const { server } = cluster;
  const port = Number(new URL(server.webSocketUrl!).port);
  let alias = 3_000_000;
  const sequence = fc.record({
    authenticate: fc.boolean(),
    frames: fc.array(hostileWebSocketFrame([bystanders.a.alias, bystanders.b.alias], 0.1), { minLength: 1, maxLength: 8 }),
  });
  await fc.assert(fc.asyncProperty(sequence, async ({ authenticate, frames }) => {
    const raw = await RawWebSocket.upgrade(port, ++alias);
    const reason = closeReason(server, alias, 15_000);
    reason.catch(() => undefined);
    if (authenticate) raw.write(binary(brokerFrames.auth()));
    for (const frame of frames) raw.write(frame);
    raw.write(binary(brokerFrames.ping(alias)));
    const outcome = await raw.outcome(alias);
    if (outcome === 'served') assert.ok(server.peers.get(alias)?.authenticated, 'a connection that answers PING is served');
    if (outcome === 'closed') assert.equal(await reason, 'protocol-error');
    await raw.close();
    if (server.peers.has(alias)) await reason;
    assert.equal(server.peers.has(alias), false);
    assert.equal(server.topicCount, 1, 'topics of departed peers are gone');
    await bystanders.exchange();
  }), { seed: 0x5eb, numRuns: 25 });
});
