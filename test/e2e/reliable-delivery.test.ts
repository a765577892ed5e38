// What "reliable" promises a publisher: every message `publish()` accepted
// reaches every subscriber exactly once, in order, across a crash of the
// publisher's comm server (acknowledged delivery, the `ack` extension), and a
// burst larger than the server's message rate is paced instead of cut off.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrokerClient } from '../../client/index.js';
import { connectTo, joinServerProcess, startCluster } from '../helpers/cluster.js';
import { Inbox, bodyText, isProbe, publishPaced, untilRouted } from '../helpers/messages.js';

const published = (inbox: Inbox) => inbox.texts((m) => !isProbe(m));

test("a publisher's reliable messages reach every subscriber exactly once, in order, across a SIGKILL of its comm server", { timeout: 90_000 }, async (t) => {
  const cluster = await startCluster({ servers: 2 });
  t.after(() => cluster.close());
  const victim = await joinServerProcess(t, cluster);

  const [publisher] = await connectTo(cluster, [victim.alias], { heartbeatIntervalMs: 250, heartbeatTimeoutMs: 1_500 });
  const subscribers = await connectTo(cluster, cluster.servers.map((server) => server.alias!));
  const inboxes = subscribers.map((subscriber) => new Inbox(subscriber));
  for (const subscriber of subscribers) subscriber.subscribe('orders');
  await untilRouted('orders', [publisher], subscribers.map((client, i) => ({ client, inbox: inboxes[i] })));

  // 50 Hz, as an application publishing state would; publish() must accept every one.
  const total = 150;
  const expected = Array.from({ length: total }, (_, i) => `order ${i}`);
  const publishing = publishPaced(t, publisher, 'orders', expected, 20);
  await inboxes[0].until((messages) => messages.filter((m) => !isProbe(m)).length >= 30);

  const reconnected = new Promise((resolve) => publisher.once('reconnected', resolve));
  process.kill(victim.pid, 'SIGKILL');
  await reconnected;
  await Promise.all(inboxes.map((inbox) => inbox.until((messages) => messages.filter((m) => !isProbe(m)).length >= total, 30_000)));
  publishing.stop();
  await publisher.flush();
  // Anything late would be a duplicate: a PING round trip through each subscriber's server flushes what was in flight to it.
  await Promise.all(subscribers.map((subscriber) => subscriber.ping()));
  for (const inbox of inboxes) assert.deepEqual(published(inbox), expected);
});

test('a burst of 20,000 reliable messages is paced to the server\'s rate and arrives whole, once, in order', { timeout: 90_000 }, async (t) => {
  // The server's bucket absorbs a stall of the server of about burst / rate (2 s, as with the defaults),
  // when messages that arrived meanwhile are handled at once; 20,000 need 10 s at this rate.
  const cluster = await startCluster({ servers: 2, serverOptions: { limits: { maxMessagesPerSecond: 2_000, messageBurst: 4_000 } } });
  t.after(() => cluster.close());
  const [publisher, subscriber] = await connectTo(cluster, cluster.servers.map((server) => server.alias!));
  const inbox = new Inbox(subscriber);
  subscriber.subscribe('burst');
  await untilRouted('burst', [publisher], [{ client: subscriber, inbox }]);
  let lost: unknown;
  publisher.on('disconnected', (error) => (lost = error));

  const body = 'x'.repeat(90);
  const count = 20_000;
  for (let i = 0; i < count; i++) publisher.publish('burst', `${String(i).padStart(9, '0')}${body}`);
  await inbox.until((messages) => messages.length >= count && messages.filter((m) => !isProbe(m)).length >= count, 60_000);
  await publisher.flush();
  await subscriber.ping();
  const received = published(inbox).map((text) => Number(text.slice(0, 9)));
  assert.equal(received.length, count, 'no duplicate');
  assert.ok(received.every((n, i) => n === i), 'in order');
  assert.equal(lost, undefined, 'the publisher was never disconnected');
  assert.equal(cluster.servers.reduce((sum, server) => sum + server.rateLimited.closed, 0), 0);
});

test('a full reliable queue throws BACKPRESSURE; drain says when to go on, and nothing accepted is lost', { timeout: 60_000 }, async (t) => {
  const cluster = await startCluster({ servers: 1, serverOptions: { limits: { maxMessagesPerSecond: 500, messageBurst: 100 } } });
  t.after(() => cluster.close());
  const publisher: BrokerClient = await cluster.connect({ reliableQueueBytes: 8_192 });
  const subscriber = await cluster.connect();
  const inbox = new Inbox(subscriber);
  subscriber.subscribe('queue');
  await untilRouted('queue', [publisher], [{ client: subscriber, inbox }]);

  const accepted: string[] = [];
  let refusals = 0;
  let drains = 0;
  while (accepted.length < 600) {
    const body = `m${accepted.length}`.padEnd(100, '.');
    try {
      publisher.publish('queue', body);
      accepted.push(body);
    } catch (error) {
      assert.equal((error as { code?: string }).code, 'BACKPRESSURE');
      assert.ok(publisher.reliableQueuedBytes <= 8_192);
      refusals++;
      await new Promise<void>((resolve) => publisher.once('drain', () => resolve()));
      drains++;
    }
  }
  assert.ok(refusals > 0, 'the queue filled');
  assert.equal(drains, refusals);
  await inbox.until((messages) => messages.filter((m) => !isProbe(m)).length >= accepted.length, 30_000);
  await publisher.flush();
  await subscriber.ping();
  assert.deepEqual(published(inbox), accepted);
  assert.ok(bodyText(inbox.messages.at(-1)!).startsWith('m599'));
});
