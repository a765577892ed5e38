// Who may act as a server. The coordinator stamps on each CONNECT the role
// the sender registered with, and WebSocket fallback peers are clients: a
// client whose AUTH claims a server role is refused, whichever way it came.
// What a real server link may ask for is bounded too (--max-topics-per-server).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { CommServer } from '../../commserver/index.js';
import { connectTo, meshFormed } from '../helpers/cluster.js';
import { closeReason, loopbackWerift, startHostileCluster, type HostileCluster } from '../hostile/helpers.js';
import { RawPeer, ROLE, frames } from '../hostile/raw-peer.js';
import { RawWebSocket, binary } from '../hostile/raw-websocket.js';

describe('a client claiming a server role', () => {
  let cluster: HostileCluster;

  before(async () => {
    cluster = await startHostileCluster({ connectTimeoutMs: 5_000, wsCloseTimeoutMs: 500 });
  });

  after(async () => {
    await RawPeer.closeAll();
    await RawWebSocket.closeAll();
    await cluster?.close();
  });

  const refusedLogs = (alias: number) =>
    cluster.log.about(alias).filter((line) => line.msg === 'closing the peer' && /claims COMMUNICATION_SERVER/.test(String(line.detail)));

  for (const role of [ROLE.COMMUNICATION_SERVER, ROLE.COMMUNICATION_SERVER_HUB]) {
    test(`over WebRTC, an AUTH with role ${role} is refused as auth-failed`, async () => {
      const before = cluster.server.stats.closed['auth-failed'] ?? 0;
      const raw = await RawPeer.connect(cluster.coordinator.url);
      try {
        const reason = closeReason(cluster.server, raw.alias);
        raw.send('reliable', frames.auth('i am a server', role));
        assert.equal(await reason, 'auth-failed');
        assert.equal(cluster.server.stats.closed['auth-failed'], before + 1);
        assert.equal(refusedLogs(raw.alias).length, 1, 'logged once, saying why');
        assert.equal(cluster.server.linkedServers().length, 0, 'no server link was made');
      } finally {
        await raw.close();
      }
    });
  }

  test('over the WebSocket fallback, an AUTH with a server role is refused as auth-failed; the socket goes after --ws-close-timeout-ms, unanswered', async () => {
    const alias = 4_000_000;
    const raw = await RawWebSocket.upgrade(Number(new URL(cluster.server.webSocketUrl!).port), alias);
    const reason = closeReason(cluster.server, alias);
    raw.write(binary(frames.auth('i am a server', ROLE.COMMUNICATION_SERVER)));
    assert.equal(await reason, 'auth-failed');
    // The raw client never answers the close frame; ws alone would hold its socket for 30 s.
    const heldTooLong = new Promise<'held'>((resolve) => setTimeout(resolve, 10_000, 'held').unref());
    assert.equal(await Promise.race([raw.closed.then(() => 'dropped' as const), heldTooLong]), 'dropped');
    assert.equal(raw.closeCode, 1000);
    assert.equal(refusedLogs(alias).length, 1);
  });

  test('a client whose AUTH says CLIENT is served as before', async () => {
    const raw = await RawPeer.authenticated(cluster.coordinator.url);
    assert.ok(cluster.server.peers.get(raw.alias)?.authenticated);
    await raw.close();
  });
});

test('a server link asking for more than --max-topics-per-server topics is closed', async () => {
  const cluster = await startHostileCluster({ maxTopicsPerServer: 5 }, 2);
  try {
    const [near, far] = cluster.servers as [CommServer, CommServer];
    await meshFormed(cluster.servers);
    const closed = closeReason(near, far.alias!);
    const [client] = await connectTo(cluster, [far.alias!], { rtc: loopbackWerift });
    client!.subscribe(['t1', 't2', 't3', 't4', 't5', 't6']);
    assert.equal(await closed, 'protocol-error');
    const logged = cluster.log.about(far.alias!).find((line) => line.msg === 'closing the peer');
    assert.match(String(logged?.detail), /topics/);
  } finally {
    await cluster.close();
  }
});
