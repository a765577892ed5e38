// Property-based test of the comm server's message handler over a real
// connection (fast-check, few runs: each one is a live peer). For any short
// sequence of frames a peer sends after AUTH: the server does not crash; the
// peer is either still served (a PING round trip) or closed as a protocol
// error and gone from the server's peers; nothing is left subscribed for a
// closed peer; and a bystander pair still exchanges messages.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Bystanders, closeReason, startHostileCluster, type HostileCluster } from './helpers.js';
import { hostileFrame } from './frame-arbitraries.js';
import { RawPeer } from './raw-peer.js';

let cluster: HostileCluster;
let bystanders: Bystanders;

before(async () => {
  cluster = await startHostileCluster({ connectTimeoutMs: 5_000 });
  bystanders = await Bystanders.start(cluster);
});

after(async () => {
  await RawPeer.closeAll();
  await cluster?.close();
});

test('any short frame sequence after AUTH leaves the peer served or closed as a protocol error, and the server serving', { timeout: 90_000 }, async () => {
  const { server } = cluster;
  const sequence = fc.array(fc.tuple(hostileFrame([bystanders.a.alias, bystanders.b.alias], 0.15), fc.boolean()), { minLength: 1, maxLength: 8 });
  await fc.assert(fc.asyncProperty(sequence, async (frames) => {
    const peer = await RawPeer.authenticated(cluster.coordinator.url);
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
