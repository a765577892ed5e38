// A comm server SIGKILLed mid-traffic: its clients notice, re-home through the
// coordinator to a live server, restore their subscriptions and receive again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrokerClientError } from '../../client/index.js';
import { connectTo, joinServerProcess, startCluster } from '../helpers/cluster.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';

test('clients of a killed comm server re-home with their subscriptions', { timeout: 60_000 }, async (t) => {
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  const [survivor] = cluster.servers;
  const victim = await joinServerProcess(t, cluster);

  const [publisher] = await connectTo(cluster, [survivor.alias!]);
  const [mover] = await connectTo(cluster, [victim.alias], { heartbeatIntervalMs: 250, heartbeatTimeoutMs: 1_500 });
  const inbox = new Inbox(mover);
  mover.subscribe(['live', 'other']);
  await untilRouted('live', [publisher], [{ client: mover, inbox }]);

  let seq = 0;
  const traffic = setInterval(() => publisher.closed || publisher.publish('live', `tick ${seq++}`), 20);
  t.after(() => clearInterval(traffic));
  const disconnected = new Promise<BrokerClientError>((resolve) => mover.once('disconnected', resolve));
  const reconnected = new Promise<{ serverAlias: number }>((resolve) => mover.once('reconnected', resolve));
  await victim.process.kill();

  assert.ok(['TIMEOUT', 'CLOSED'].includes((await disconnected).code));
  const { serverAlias } = await reconnected;
  assert.equal(serverAlias, survivor.alias);
  assert.equal(mover.serverAlias, survivor.alias);
  assert.deepEqual([...mover.topics].sort(), ['live', 'other']);

  const before = inbox.messages.length;
  await inbox.until((messages) => messages.slice(before).some((m) => bodyText(m).startsWith('tick ')));
  const rtt = await mover.ping();
  assert.ok(rtt > 0);
  clearInterval(traffic);
});
