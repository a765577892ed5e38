// /metrics, /healthz, /readyz and /stats of a running cluster with traffic.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commServerMetrics } from '../../commserver/metrics.js';
import { coordinatorMetrics } from '../../coordinator/metrics.js';
import { HttpEndpoint } from '../../shared/http-endpoint.js';
import { silentLogger } from '../../shared/log.js';
import { startCluster } from '../helpers/cluster.js';
import { Inbox } from '../helpers/messages.js';

function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (wanted.every((pair) => line.includes(pair))) return Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return undefined;
}

test('metrics count what a test sent and received; health, readiness and per-peer stats', async (t) => {
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  const [server] = cluster.servers;
  const serverHttp = await HttpEndpoint.start({
    host: '127.0.0.1', port: 0, metrics: commServerMetrics(server), readiness: () => server.readiness(), stats: () => server.peerReports(), logger: silentLogger(),
  });
  t.after(() => serverHttp.close());
  const coordinatorHttp = await HttpEndpoint.start({
    host: '127.0.0.1', port: 0, metrics: coordinatorMetrics(cluster.coordinator),
    readiness: () => ({ ready: true, detail: {} }), stats: () => cluster.coordinator.stats, logger: silentLogger(),
  });
  t.after(() => coordinatorHttp.close());

  const [publisher, subscriber] = await Promise.all([cluster.connect(), cluster.connect({ auth: { body: 'bob' } })]);
  const inbox = new Inbox(subscriber);
  subscriber.subscribe('metered');
  await subscriber.ping();
  for (let i = 0; i < 10; i++) publisher.publish('metered', `r${i}`);
  for (let i = 0; i < 5; i++) publisher.publish('metered', `u${i}`, { reliable: false });
  await inbox.until((messages) => messages.length === 15);

  const get = async (url: string) => {
    const response = await fetch(url);
    return { status: response.status, text: await response.text() };
  };
  const metrics = (await get(`${serverHttp.url}/metrics`)).text;
  assert.equal(sample(metrics, 'broker_commserver_messages_in_total', { type: 'TOPIC', channel: 'reliable' }), 10);
  assert.equal(sample(metrics, 'broker_commserver_messages_in_total', { type: 'TOPIC', channel: 'unreliable' }), 5);
  assert.equal(sample(metrics, 'broker_commserver_messages_out_total', { type: 'TOPIC_FW', channel: 'reliable' }), 10);
  assert.equal(sample(metrics, 'broker_commserver_messages_out_total', { type: 'TOPIC_FW', channel: 'unreliable' }), 5);
  assert.equal(sample(metrics, 'broker_commserver_peers', { role: 'CLIENT', state: 'open' }), 2);
  assert.equal(sample(metrics, 'broker_commserver_topics'), 1);
  assert.equal(sample(metrics, 'broker_commserver_coordinator_connected'), 1);
  assert.equal(sample(metrics, 'broker_commserver_connection_setup_seconds_count'), 2);
  assert.ok((sample(metrics, 'broker_commserver_bytes_in_total', { channel: 'reliable' }) ?? 0) > 0);

  const coordinatorText = (await get(`${coordinatorHttp.url}/metrics`)).text;
  assert.equal(sample(coordinatorText, 'broker_coordinator_connections_total', { kind: 'client' }), 2);
  assert.equal(sample(coordinatorText, 'broker_coordinator_assignments_total', { server: String(server.alias) }), 2);
  assert.equal(sample(coordinatorText, 'broker_coordinator_peers', { role: 'COMMUNICATION_SERVER' }), 1);

  assert.equal((await get(`${serverHttp.url}/healthz`)).status, 200);
  const ready = await get(`${serverHttp.url}/readyz`);
  assert.equal(ready.status, 200, ready.text);
  const stats = JSON.parse((await get(`${serverHttp.url}/stats`)).text) as Array<{
    alias: number; role: string; identity: string; topics: string[]; channels: Array<{ label: string; state: string; messagesReceived?: number }>;
    candidatePair?: { local?: string; remote?: string };
  }>;
  const bob = stats.find((peer) => peer.alias === subscriber.alias)!;
  assert.equal(bob.role, 'CLIENT');
  assert.equal(bob.identity, 'bob');
  assert.deepEqual(bob.topics, ['metered']);
  assert.deepEqual(bob.channels.map((channel) => [channel.label, channel.state]).sort(), [['reliable', 'open'], ['unreliable', 'open']]);
  assert.equal(bob.candidatePair?.remote, 'host');
  const sender = stats.find((peer) => peer.alias === publisher.alias)!;
  assert.ok((sender.channels.find((channel) => channel.label === 'reliable')?.messagesReceived ?? 0) >= 10);

  await server.close();
  const closing = await get(`${serverHttp.url}/readyz`);
  assert.equal(closing.status, 503);
});
