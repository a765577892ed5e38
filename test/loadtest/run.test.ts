// A whole load-test run against real local clusters: a lossless one must
// report no loss, one whose comm server drops must report the drops, and one
// that loses a client before measuring must still measure the rest.
import { once } from 'node:events';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runLoadTest } from '../../loadtest/run.js';
import { resolveParameters } from '../../loadtest/scenarios.js';
import { allowAllPeers, type PeerAuthenticator } from '../../shared/auth.js';
import { startCluster } from '../helpers/cluster.js';

test('a lossless cluster: every expected delivery is counted once, none of the warm-up', { timeout: 90_000 }, async () => {
  const parameters = resolveParameters('dense', { clients: 4, durationSeconds: 2, warmupSeconds: 1, rate: 20, channel: 'reliable', workers: 2 });
  const phases: string[] = [];
  const result = await runLoadTest({
    parameters,
    onProgress: ({ phase }) => phases.at(-1) !== phase && phases.push(phase),
  });
  assert.deepEqual(phases.filter((phase) => phase === 'warming up' || phase === 'measuring'), ['warming up', 'measuring']);
  assert.equal(result.clients.connected, 4);
  assert.equal(result.clients.overWebSocket, 0);
  assert.equal(result.sent, 4 * 2 * 20, 'the measured window only');
  assert.equal(result.expected, result.sent * 3);
  assert.equal(result.delivered, result.expected);
  assert.equal(result.lost, 0);
  assert.equal(result.duplicated, 0);
  assert.equal(result.unexpected, 0);
  assert.ok(result.latencyMs.p50 > 0 && result.latencyMs.p50 <= result.latencyMs.p99 && result.latencyMs.p99 <= result.latencyMs.max);
  assert.equal(result.servers.length, 1);
  assert.ok(result.servers[0].cpuCores > 0 && result.servers[0].rssBytes > 0);
  assert.equal(result.generator.workers.length, 2);
  assert.ok(result.generator.cpuCores > 0);
  assert.ok(result.setupMs.p50 > 0);
  // The time series of the charts: every delivery in one second's latency, the server's RSS sampled throughout.
  assert.equal(result.charts.latencyOverTime.reduce((total, second) => total + second.count, 0), result.delivered);
  assert.ok(result.charts.latencyOverTime.every(({ p50, p99 }) => p50 > 0 && p50 <= p99));
  const [rss] = result.charts.serverRss;
  assert.equal(rss.pid, result.servers[0].pid);
  assert.ok(rss.points.length >= 4 && rss.points.every(([, bytes]) => bytes > 0));
  assert.ok(rss.points[0][0] < 0 && rss.points.at(-1)![0] >= result.measuredSeconds, 'from before measuring to after it');
});

test('a comm server that drops: the drops are reported as lost', { timeout: 90_000 }, async () => {
  // An unreliable queue smaller than one message and a 1-byte send window:
  // the server sends a message only when nothing is in flight to that peer,
  // and drops (its drop-oldest policy) any that would have to wait.
  const parameters = resolveParameters('dense', { clients: 4, durationSeconds: 2, rate: 300, size: 1000, channel: 'unreliable' });
  // --log-level is also one the harness sets: the run's own must win (given twice, it would reach the server as a list and stop it).
  const result = await runLoadTest({ parameters, serverArgs: ['--unreliable-queue-bytes', '500', '--send-window-bytes', '1', '--log-level=warn'] });
  assert.equal(result.expected, result.sent * 3);
  assert.ok(result.lost > 0, `expected drops, got ${JSON.stringify({ sent: result.sent, delivered: result.delivered })}`);
  assert.equal(result.delivered + result.lost, result.expected);
  assert.equal(result.duplicated, 0);
});

test('--transport auto counts the clients that fell back to WebSocket', { timeout: 90_000 }, async () => {
  // A 1 ms WebRTC timeout: every client falls back as soon as the server's offer arrives.
  const parameters = resolveParameters('dense', {
    clients: 3, durationSeconds: 1, warmupSeconds: 0, rate: 20, channel: 'reliable', transport: 'auto', webrtcTimeoutMs: 1,
  });
  const result = await runLoadTest({ parameters });
  assert.equal(result.clients.connected, 3);
  assert.equal(result.clients.overWebSocket, 3);
  assert.ok(result.notes.includes('3 clients fell back to the WebSocket endpoint: their peer connection was not up in time'), result.notes.join('; '));
  assert.equal(result.delivered, result.expected);
  assert.ok(result.expected > 0);
});

test('a client lost between connecting and measuring: reported, its share lost, the others measured', { timeout: 90_000 }, async (t) => {
  // The first client to authenticate gets in; the others wait at AUTH until
  // the server has closed that one, so it is lost while the run still connects.
  let admitted = 0;
  let releaseOthers!: () => void;
  const othersMayEnter = new Promise<void>((resolve) => (releaseOthers = resolve));
  const gate: PeerAuthenticator = {
    async authenticate(auth) {
      if (admitted++ > 0) await othersMayEnter;
      return allowAllPeers.authenticate(auth);
    },
    unauthenticated: allowAllPeers.unauthenticated,
  };
  const cluster = await startCluster({ servers: 1, serverOptions: { peerAuthenticator: gate } });
  t.after(() => cluster.close());
  const [server] = cluster.servers;
  let kicked = false;
  const kick = async () => {
    const [first] = [...server.peers.values()].filter((peer) => !peer.isServer && peer.authenticated);
    const closed = once(server, 'peerClosed');
    await first.close('slow-consumer');
    await closed;
    releaseOthers();
  };
  const parameters = resolveParameters('dense', {
    clients: 3, workers: 2, durationSeconds: 1, warmupSeconds: 0, rate: 20, channel: 'reliable', coordinatorUrls: [cluster.coordinator.url],
  });
  const result = await runLoadTest({
    parameters,
    onProgress: ({ connected }) => {
      if (connected === 1 && !kicked) {
        kicked = true;
        void kick();
      }
    },
  });
  assert.equal(kicked, true);
  assert.equal(result.clients.connected, 3);
  assert.equal(result.clients.disconnected, 1);
  assert.ok(result.notes.some((note) => note.startsWith('1 clients disconnected during the run (first: ')), result.notes.join('; '));
  // The two left hear each other; what the lost one should have heard is lost.
  assert.ok(result.sent > 0);
  assert.equal(result.expected, 2 * result.sent);
  assert.equal(result.delivered, result.sent);
  assert.equal(result.lost, result.sent);
});

test('--no-batch: the clients do not negotiate BATCH, so the comm server sends them every message on its own', { timeout: 90_000 }, async (t) => {
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  const [server] = cluster.servers;
  /** What the server knows of its client peers, read while they are connected (once publishing is over). */
  const clientPeersWhileDraining = async (batch: boolean) => {
    let seen: Array<{ announced: boolean; batching: boolean; batches: number }> | undefined;
    const parameters = resolveParameters('dense', {
      clients: 4, durationSeconds: 1, warmupSeconds: 0, rate: 50, channel: 'unreliable', coordinatorUrls: [cluster.coordinator.url], batch,
    });
    const result = await runLoadTest({
      parameters,
      onProgress: ({ phase }) => {
        if (phase !== 'draining' || seen) return;
        seen = [...server.peers.values()].filter((peer) => !peer.isServer && peer.authenticated).map((peer) => ({
          announced: peer.extensions.has('batch'),
          batching: peer.isBatching('reliable') || peer.isBatching('unreliable'),
          batches: peer.batchesSent('reliable') + peer.batchesSent('unreliable'),
        }));
      },
    });
    assert.equal(result.lost, 0);
    assert.ok(result.delivered > 0);
    assert.equal(result.parameters.batch, batch);
    assert.ok(seen, 'the server was seen while draining');
    assert.equal(seen.length, 4);
    return seen;
  };
  const batching = await clientPeersWhileDraining(true);
  assert.ok(batching.every((peer) => peer.announced && peer.batching), JSON.stringify(batching));
  const plain = await clientPeersWhileDraining(false);
  assert.deepEqual(plain, Array.from({ length: 4 }, () => ({ announced: false, batching: false, batches: 0 })));
});

test('rooms: every client hears the others of its room, none of another room, at no loss; the servers are measured per client', { timeout: 90_000 }, async () => {
  const parameters = resolveParameters('rooms', { clients: 12, roomSize: 4, durationSeconds: 1, warmupSeconds: 0, rate: 10 });
  const result = await runLoadTest({ parameters });
  assert.equal(result.clients.connected, 12);
  assert.equal(result.sent, 12 * 10);
  assert.equal(result.expected, result.sent * 3, 'each message reaches the three others of its room');
  assert.equal(result.delivered, result.expected);
  assert.equal(result.unexpected, 0, 'nothing crossed rooms');
  assert.equal(result.lost, 0);
  const [server] = result.servers;
  assert.ok(server.rssBytes > 0 && server.rssBeforeClientsBytes! > 0);
  assert.equal(result.perClient?.clients, 12);
  assert.equal(result.perClient.rssBytes, server.rssBytes / 12);
  assert.equal(result.perClient.cpuCores, server.cpuCores / 12);
});

test('idle against a given coordinator and server pid: the clients are connected and subscribed, nobody publishes, the window lasts its duration', { timeout: 90_000 }, async (t) => {
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  const [server] = cluster.servers;
  let topicsWhileMeasuring: string[][] | undefined;
  const parameters = resolveParameters('idle', {
    clients: 10, roomSize: 4, durationSeconds: 2, coordinatorUrls: [cluster.coordinator.url],
  });
  // The comm server runs in this process: its pid is this one.
  const result = await runLoadTest({
    parameters,
    serverPids: [process.pid],
    onProgress: ({ phase }) => {
      if (phase === 'measuring' && !topicsWhileMeasuring) {
        topicsWhileMeasuring = server.peerReports().filter((peer) => peer.role === 'CLIENT').map((peer) => peer.topics);
      }
    },
  });
  assert.deepEqual(topicsWhileMeasuring?.flat().sort(), [...Array(4).fill('room-0'), ...Array(4).fill('room-1'), ...Array(2).fill('room-2')]);
  assert.equal(result.clients.connected, 10);
  assert.equal(result.clients.disconnected, 0);
  assert.equal(result.sent, 0);
  assert.equal(result.expected, 0);
  assert.equal(result.unexpected, 0);
  assert.ok(result.measuredSeconds >= 1.9, `measured ${result.measuredSeconds} s`);
  assert.ok(!result.notes.some((note) => note.startsWith('no delivery was expected')), result.notes.join('; '));
  assert.equal(result.perClient?.clients, 10);
  assert.ok(result.perClient.rssBytes > 0);
});
