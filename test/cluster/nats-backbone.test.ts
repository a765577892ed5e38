// Comm servers on the NATS backbone (a real nats-server): no WebRTC links
// between them; topic messages cross NATS once each, to the servers whose
// clients subscribed; reliable ones arrive exactly once and in order; presence
// and direct messages cross on the links over NATS; what a process without
// the cluster secret publishes on the subjects is dropped and counted, and so
// is what the backbone lost.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test, type TestContext } from 'node:test';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import type { CommServer, CommServerOptions } from '../../commserver/index.js';
import { encodeEnvelope, EnvelopeKind } from '../../commserver/backbone-envelope.js';
import { MessageType, Topic } from '../../shared/codec.js';
import { allowAllPeers } from '../../shared/auth.js';
import { clusterCredentials, clusterPeerAuthenticator, peerAuthenticatorByRole } from '../../shared/credentials.js';
import { NatsSeal } from '../../shared/nats-seal.js';
import { connectTo, joinServerProcess, meshFormed, startCluster, type TestCluster } from '../helpers/cluster.js';
import { EventLog } from '../helpers/event-log.js';
import { Inbox, bodyText, isProbe, publishPaced, untilRouted } from '../helpers/messages.js';
import { NatsServer } from '../helpers/nats-server.js';

const SECRET = 'backbone test secret';

async function natsConnection(t: TestContext, nats: NatsServer): Promise<NatsConnection> {
  const connection = await connect({ servers: nats.url, noEcho: true, maxReconnectAttempts: -1, reconnectTimeWait: 100 });
  t.after(() => connection.close());
  return connection;
}

/** A coordinator and `servers` comm servers on one NATS backbone; with `secret`, servers sealed by the cluster secret. */
async function startBackbone(
  t: TestContext, servers: number, secret?: string, limits?: CommServerOptions['limits'],
): Promise<{ cluster: TestCluster; nats: NatsServer }> {
  const nats = await NatsServer.start({ jetstream: false });
  t.after(() => nats.stop());
  const cluster = await startCluster({ servers: 0, closedAfter: t });
  const security: Partial<CommServerOptions> = secret === undefined ? {} : {
    credentials: clusterCredentials(secret),
    peerAuthenticator: peerAuthenticatorByRole({ servers: clusterPeerAuthenticator(secret), clients: allowAllPeers }),
  };
  for (let i = 0; i < servers; i++) {
    await cluster.addServer({
      ...security,
      limits,
      backbone: {
        connection: await natsConnection(t, nats),
        subjectPrefix: 'broker',
        ...(secret === undefined ? {} : { seal: new NatsSeal(secret, { maxAgeMs: 30_000 }) }),
      },
    });
  }
  await meshFormed(cluster.servers);
  return { cluster, nats };
}

function aliases(servers: CommServer[]): number[] {
  return servers.map((server) => server.alias!);
}

test('four comm servers on the NATS backbone: links over NATS only, reliable messages of each publisher once and in order on every other server', async (t) => {
  const { cluster } = await startBackbone(t, 4);
  for (const server of cluster.servers) {
    assert.equal(server.linkedServers().length, 3);
    assert.ok(server.linkedServers().every((link) => link.transport === 'nats'), 'no WebRTC link between servers');
  }
  const clients = await connectTo(cluster, aliases(cluster.servers));
  const inboxes = clients.map((client) => new Inbox(client));
  for (const client of clients) client.subscribe('room');
  await untilRouted('room', clients, clients.map((client, i) => ({ client, inbox: inboxes[i]! })));

  const perPublisher = 100;
  for (let n = 1; n <= perPublisher; n++) {
    for (const client of clients) client.publish('room', `${client.alias}:${n}`);
  }
  await Promise.all(clients.map((client) => client.flush()));
  await Promise.all(clients.map((receiver, i) => inboxes[i]!.until(() => clients
    .filter((publisher) => publisher !== receiver)
    .every((publisher) => inboxes[i]!.texts((m) => !isProbe(m) && m.from === publisher.alias).length >= perPublisher))));
  for (const [i, receiver] of clients.entries()) {
    for (const publisher of clients) {
      if (publisher === receiver) continue;
      const got = inboxes[i]!.texts((m) => !isProbe(m) && m.from === publisher.alias);
      assert.deepEqual(got, Array.from({ length: perPublisher }, (_, n) => `${publisher.alias}:${n + 1}`), 'each once, in order');
    }
  }
  for (const server of cluster.servers) {
    const stats = server.backboneStats!;
    assert.equal(stats.lost + stats.outOfOrder + stats.rejected + stats.unlinked, 0, JSON.stringify(stats));
  }
});

test("on the backbone a publisher's reliable messages reach every subscriber exactly once, in order, across a SIGKILL of its comm server", { timeout: 90_000 }, async (t) => {
  const { cluster, nats } = await startBackbone(t, 2);
  const victim = await joinServerProcess(t, cluster, ['--backbone', 'nats', '--nats', nats.url]);
  const [publisher] = await connectTo(cluster, [victim.alias], { heartbeatIntervalMs: 250, heartbeatTimeoutMs: 1_500 });
  const subscribers = await connectTo(cluster, aliases(cluster.servers));
  const inboxes = subscribers.map((subscriber) => new Inbox(subscriber));
  for (const subscriber of subscribers) subscriber.subscribe('orders');
  await untilRouted('orders', [publisher!], subscribers.map((client, i) => ({ client, inbox: inboxes[i]! })));

  const total = 150;
  const expected = Array.from({ length: total }, (_, i) => `order ${i}`);
  const publishing = publishPaced(t, publisher!, 'orders', expected, 20);
  await inboxes[0]!.until((messages) => messages.filter((m) => !isProbe(m)).length >= 30);
  const reconnected = new Promise((resolve) => publisher!.once('reconnected', resolve));
  process.kill(victim.pid, 'SIGKILL');
  await reconnected;
  await Promise.all(inboxes.map((inbox) => inbox.until((messages) => messages.filter((m) => !isProbe(m)).length >= total, 30_000)));
  publishing.stop();
  await publisher!.flush();
  await Promise.all(subscribers.map((subscriber) => subscriber.ping()));
  for (const inbox of inboxes) assert.deepEqual(inbox.texts((m) => !isProbe(m)), expected);
});

test('the interest is the NATS subscriptions: a server none of whose clients subscribed receives nothing of the topic', async (t) => {
  const { cluster } = await startBackbone(t, 3);
  const [publisher, subscriber, bystander] = await connectTo(cluster, aliases(cluster.servers));
  const inbox = new Inbox(subscriber!);
  subscriber!.subscribe('quiet');
  bystander!.subscribe('elsewhere');
  await untilRouted('quiet', [publisher!], [{ client: subscriber!, inbox }]);
  const bystanderServer = cluster.servers[2]!;
  const before = bystanderServer.backboneStats!.received;
  for (let n = 0; n < 20; n++) publisher!.publish('quiet', `m${n}`);
  await inbox.until(() => inbox.texts((m) => !isProbe(m)).length === 20);
  assert.equal(bystanderServer.backboneStats!.received, before, 'nothing of "quiet" reached the server without subscribers');
  assert.equal(cluster.servers[0]!.backboneStats!.published >= 20, true);
});

test('presence and direct messages cross the backbone', async (t) => {
  const { cluster } = await startBackbone(t, 2);
  const [a, b] = await connectTo(cluster, aliases(cluster.servers));
  const joins = new EventLog<number>();
  a!.on('join', (event) => joins.push(event.alias));
  a!.subscribe('lobby', { presence: true });
  b!.subscribe('lobby', { presence: true });
  await joins.until((seen) => seen.includes(b!.alias), 15_000);
  assert.deepEqual((await a!.presence('lobby')).map((member) => member.alias).sort(), [a!.alias, b!.alias].sort());

  const directs = new EventLog<string>();
  b!.on('direct', (event) => directs.push(`${event.from}:${new TextDecoder().decode(event.body)}`));
  await a!.sendTo(b!.alias, 'hello b', { reliable: true });
  await directs.until((seen) => seen.includes(`${a!.alias}:hello b`), 15_000);
});

test('messages on the backbone subjects without the cluster seal are dropped and counted; the servers go on', async (t) => {
  const { cluster, nats } = await startBackbone(t, 2, SECRET);
  const [publisher, subscriber] = await connectTo(cluster, aliases(cluster.servers));
  const inbox = new Inbox(subscriber!);
  subscriber!.subscribe('room');
  await untilRouted('room', [publisher!], [{ client: subscriber!, inbox }]);
  const receiving = cluster.servers[1]!;
  const rejectedBefore = receiving.backboneStats!.rejected;

  const rogue = await natsConnection(t, nats);
  const forged = Topic.encode({ type: MessageType.TOPIC, fromAlias: publisher!.alias, topic: 'room', body: new TextEncoder().encode('forged') });
  const unsealed = (subject: string, kind: EnvelopeKind) =>
    encodeEnvelope(subject, { kind, channel: 'reliable', from: cluster.servers[0]!.serverId, linkId: 'x', seq: 1_000, frame: forged }, undefined);
  const wrongSeal = (subject: string) => encodeEnvelope(
    subject, { kind: EnvelopeKind.TOPIC, channel: 'reliable', from: cluster.servers[0]!.serverId, linkId: '', seq: 1_001, frame: forged },
    new NatsSeal('another secret', { maxAgeMs: 30_000 }),
  );
  const linkSubject = `broker.link.${receiving.serverId}`;
  rogue.publish('broker.topic.room', unsealed('broker.topic.room', EnvelopeKind.TOPIC));
  rogue.publish('broker.topic.room', wrongSeal('broker.topic.room'));
  rogue.publish('broker.topic.room', new Uint8Array([3, 0, 255, 1, 2]));
  rogue.publish(linkSubject, unsealed(linkSubject, EnvelopeKind.CLOSE));
  rogue.publish(linkSubject, new Uint8Array(0));
  await rogue.flush();

  publisher!.publish('room', 'genuine');
  await inbox.until(() => inbox.texts().includes('genuine'));
  assert.equal(receiving.backboneStats!.rejected - rejectedBefore, 5, 'each forged message rejected');
  assert.ok(!inbox.texts().includes('forged'));
  assert.equal(receiving.linkedServers().length, 1, 'a forged CLOSE does not close the link');
});

test('topic messages the backbone lost are counted by the receiving server', async (t) => {
  const { cluster, nats } = await startBackbone(t, 2, SECRET);
  const [origin, receiving] = cluster.servers as [CommServer, CommServer];
  const [subscriber] = await connectTo(cluster, [receiving.alias!]);
  const inbox = new Inbox(subscriber!);
  subscriber!.subscribe('counted');

  // Publishing as `origin` does (sealed, numbered), with numbers of the test's choosing.
  const sender = await natsConnection(t, nats);
  const seal = new NatsSeal(SECRET, { maxAgeMs: 30_000 });
  const subject = 'broker.topic.counted';
  let seq = 0;
  const send = (text: string, number = ++seq) => {
    const frame = Topic.encode({ type: MessageType.TOPIC, fromAlias: 1, topic: 'counted', body: new TextEncoder().encode(text) });
    sender.publish(subject, encodeEnvelope(subject, { kind: EnvelopeKind.TOPIC, channel: 'reliable', from: origin.serverId, linkId: '', seq: number, frame }, seal));
  };
  const probing = setInterval(() => send('probe'), 20);
  await inbox.until(() => inbox.texts().includes('probe')).finally(() => clearInterval(probing));
  const lostBefore = receiving.backboneStats!.lost;

  const first = seq + 1;
  for (const number of [first, first + 1, first + 5, first + 6, first + 6]) send(`m${number - first}`, number);
  send('end', first + 7);
  await inbox.until(() => inbox.texts().includes('end'));
  assert.deepEqual(inbox.texts((m) => bodyText(m) !== 'probe'), ['m0', 'm1', 'm5', 'm6', 'm6', 'end'], 'a number seen before stops nothing');
  assert.equal(receiving.backboneStats!.lost - lostBefore, 3, 'the three numbers skipped are counted lost');
  assert.equal(receiving.backboneStats!.outOfOrder, 1, 'the repeated number is counted');
});

test('NATS away for longer than the link timeout: the links over it stay, and messages cross again once it is back', { timeout: 60_000 }, async (t) => {
  const limits = { serverPingIntervalMs: 100, serverTimeoutMs: 500 };
  const { cluster, nats } = await startBackbone(t, 2, undefined, limits);
  const [a, b] = await connectTo(cluster, aliases(cluster.servers));
  const inbox = new Inbox(b!);
  b!.subscribe('after');
  await untilRouted('after', [a!], [{ client: b!, inbox }]);
  const linksClosed: string[] = [];
  for (const server of cluster.servers) server.on('peerClosed', (peer, reason) => peer.isServer && linksClosed.push(reason));

  await nats.kill();
  // The outage must outlast the link timeout several times over: that is what is under test.
  await new Promise((resolve) => setTimeout(resolve, 4 * limits.serverTimeoutMs));
  const back = await NatsServer.start({ port: nats.port, jetstream: false });
  t.after(() => back.stop());
  // What is published while the servers reconnect may be lost (NATS core): probe until a message crosses.
  const afterOutage = new Inbox(b!);
  await untilRouted('after', [a!], [{ client: b!, inbox: afterOutage }]);
  a!.publish('after', 'after the outage');
  await afterOutage.until(() => afterOutage.texts().includes('after the outage'));
  assert.deepEqual(linksClosed, [], 'no link closed while NATS was away');
});

test('a link this server made that fails is made again, and messages cross it', { timeout: 60_000 }, async (t) => {
  const { cluster } = await startBackbone(t, 2, undefined, { coordinatorRetryMinMs: 50, coordinatorRetryMaxMs: 200 });
  const [first, second] = cluster.servers as [CommServer, CommServer];
  const [a, b] = await connectTo(cluster, aliases(cluster.servers));
  // The second server registered last: it made the link to the first.
  const ours = second.linkedServers()[0]!;
  assert.equal(ours.direction, 'outgoing');
  const relinked = Promise.all([first, second].map((server) => once(server, 'peerAuthenticated')));
  void ours.close('link-timeout');
  await relinked;
  for (const server of cluster.servers) assert.equal(server.linkedServers().length, 1);
  const inbox = new Inbox(b!);
  b!.subscribe('again');
  await untilRouted('again', [a!], [{ client: b!, inbox }]);
});

