// SIGTERM on a comm server with clients mid-traffic: its clients move to
// another server with their subscriptions, and a reliable stream loses nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectTo, joinServerProcess, startCluster } from '../helpers/cluster.js';
import { Inbox, untilRouted } from '../helpers/messages.js';

test('a draining comm server hands its clients over without losing a reliable message', { timeout: 60_000 }, async (t) => {
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  const [survivor] = cluster.servers;
  const draining = await joinServerProcess(t, cluster);

  const [publisher, movingSubscriber] = await connectTo(cluster, [draining.alias, draining.alias]);
  const [stayingSubscriber] = await connectTo(cluster, [survivor.alias!]);
  const subscribers = [movingSubscriber, stayingSubscriber];
  const inboxes = subscribers.map((client) => new Inbox(client));
  for (const client of subscribers) client.subscribe(['stream', 'spare']);
  await untilRouted('stream', [publisher], subscribers.map((client, i) => ({ client, inbox: inboxes[i] })));

  const moved = [publisher, movingSubscriber].map((client) =>
    new Promise<{ serverAlias: number }>((resolve) => client.once('reconnected', resolve)));
  const total = 400;
  for (let seq = 0; seq < total; seq++) {
    publisher.publish('stream', `s${seq}`);
    if (seq === 100) draining.process.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }

  for (const { serverAlias } of await Promise.all(moved)) assert.equal(serverAlias, survivor.alias);
  assert.deepEqual([...movingSubscriber.topics].sort(), ['spare', 'stream']);
  const expected = Array.from({ length: total }, (_, seq) => `s${seq}`);
  for (const inbox of inboxes) {
    const received = () => new Set(inbox.texts().filter((text) => /^s\d+$/.test(text)));
    await inbox.until(() => received().size === total);
    assert.deepEqual([...received()].sort(), [...expected].sort(), 'every message of the stream arrived');
  }
  assert.equal(await draining.process.exited, 0);
});
