// A load-test run against an existing cluster of two coordinators sharing a
// real nats-server: the clients are spread round-robin over the coordinators
// given, and every message still reaches every subscriber.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { CommServer } from '../../commserver/index.js';
import { Coordinator } from '../../coordinator/index.js';
import { NatsCluster } from '../../coordinator/nats/cluster.js';
import { runLoadTest } from '../../loadtest/run.js';
import { resolveParameters } from '../../loadtest/scenarios.js';
import { Role } from '../../shared/codec.js';
import { silentLogger } from '../../shared/log.js';
import { NatsServer } from '../helpers/nats-server.js';

test('two --coordinator-url: client i connects through coordinator i mod 2, and no delivery is lost', { timeout: 120_000 }, async (t) => {
  const nats = await NatsServer.start();
  t.after(() => nats.stop());
  const coordinators: Coordinator[] = [];
  const clientsRegistered: number[] = [];
  for (const index of [0, 1]) {
    const cluster = await NatsCluster.start({
      servers: [nats.url], bucket: 'loadtest', subjectPrefix: 'loadtest', registryTtlMs: 5_000, maxServers: 100,
      connectTimeoutMs: 5_000, reconnectMinMs: 100, reconnectMaxMs: 1_000, logger: silentLogger(),
    });
    const coordinator = await Coordinator.start({ port: 0, logger: silentLogger(), cluster });
    t.after(() => coordinator.close());
    clientsRegistered[index] = 0;
    coordinator.on('peerRegistered', (peer) => peer.role === Role.CLIENT && clientsRegistered[index]++);
    coordinators.push(coordinator);
  }
  // One comm server, attached to the first coordinator: clients of the second reach it through NATS.
  const server = new CommServer({ coordinatorUrl: coordinators[0]!.url });
  t.after(() => server.close());
  const registered = once(server, 'registered');
  server.start();
  await registered;

  const parameters = resolveParameters('dense', {
    clients: 4, workers: 2, durationSeconds: 1, warmupSeconds: 0, rate: 20, channel: 'reliable',
    coordinatorUrls: coordinators.map((coordinator) => coordinator.url),
  });
  const result = await runLoadTest({ parameters });
  assert.deepEqual(clientsRegistered, [2, 2]);
  assert.equal(result.clients.connected, 4);
  assert.equal(result.expected, result.sent * 3);
  assert.equal(result.delivered, result.expected);
  assert.equal(result.lost, 0);
});
