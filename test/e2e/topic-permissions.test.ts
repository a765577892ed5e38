// Per-topic permissions across a mesh of real comm servers: a client whose
// client token (made by the coordinator) or JWT lists the topics it may
// publish to and subscribe to gets an ERROR for anything else; the message
// is dropped (nobody receives it) and counted, the topic is not subscribed
// (nothing on it arrives). Patterns with `*` match prefixes. A client
// without claims, ours or one of the original protocol, may do everything.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { SignJWT } from 'jose';
import type { BrokerClient, DeniedEvent } from '../../client/index.js';
import { commServerMetrics } from '../../commserver/metrics.js';
import { allowAllPeers, allowAllUpgrades, type UpgradeAuthenticator } from '../../shared/auth.js';
import { clientTokenAuthenticator, clientTokenIssuer, firstAccepting, peerAuthenticatorByRole } from '../../shared/credentials.js';
import { jwtPeerAuthenticator } from '../../shared/jwt-auth.js';
import { connectTo, startCluster, type TestCluster } from '../helpers/cluster.js';
import { EventLog } from '../helpers/event-log.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';
import { WireMessage } from '../helpers/protobuf-wire.js';
import { RawPeer, T, frames } from '../hostile/raw-peer.js';

const TOKEN_SECRET = 'client token secret';
const JWT_SECRET = new TextEncoder().encode('identity provider secret, 32 b!!');

/** The topics a client may use come from its upgrade: `pub` and `sub` query parameters (a deployment would look them up). */
const permissionsByQuery: UpgradeAuthenticator = {
  ...allowAllUpgrades,
  topicPermissions: ({ url }) => {
    const list = (name: string) => url.searchParams.get(name)?.split(',');
    const publish = list('pub');
    const subscribe = list('sub');
    return publish || subscribe ? { publish, subscribe } : undefined;
  },
};

/**
 * Clients present the coordinator's token (ours do by themselves), a JWT, or
 * anything at all (admitted without claims, as a client of the original
 * protocol is here).
 */
async function permissionCluster(t: TestContext): Promise<TestCluster> {
  const cluster = await startCluster({
    servers: 2,
    coordinatorOptions: { upgradeAuthenticator: permissionsByQuery, clientTokens: clientTokenIssuer(TOKEN_SECRET) },
    serverOptions: {
      peerAuthenticator: peerAuthenticatorByRole({
        servers: allowAllPeers,
        clients: firstAccepting([clientTokenAuthenticator(TOKEN_SECRET), jwtPeerAuthenticator({ secret: JWT_SECRET }), allowAllPeers]),
      }),
    },
  });
  t.after(async () => {
    await RawPeer.closeAll();
    await cluster.close();
  });
  return cluster;
}

/** Every `denied` event of a client, and a wait for the next ones. */
class Denials extends EventLog<DeniedEvent> {
  constructor(client: BrokerClient) {
    super();
    client.on('denied', (event) => this.push(event));
  }

  untilCount(count: number, timeoutMs = 10_000): Promise<void> {
    return this.until((events) => events.length >= count, timeoutMs);
  }
}

const metricValue = async (cluster: TestCluster, index: number, action: string): Promise<number> => {
  const text = await commServerMetrics(cluster.servers[index]).metrics();
  const line = text.split('\n').find((row) => row.startsWith(`broker_commserver_denied_total{action="${action}"}`));
  return Number(line?.split(' ')[1]);
};

test('a message on a topic outside the publish claim gets ERROR, reaches no one and is counted; prefix* patterns allow', { timeout: 90_000 }, async (t) => {
  const cluster = await permissionCluster(t);
  const [first, second] = cluster.servers;
  const [publisher] = await connectTo(cluster, [first.alias!], { auth: { query: { pub: 'rooms.*,news' } } });
  const subscribers = await connectTo(cluster, [first.alias!, second.alias!]);
  const inboxes = subscribers.map((client) => new Inbox(client));
  for (const client of subscribers) client.subscribe(['rooms.a', 'news', 'secret']);
  await untilRouted('rooms.a', [publisher], subscribers.map((client, i) => ({ client, inbox: inboxes[i] })));
  const denials = new Denials(publisher);

  publisher.publish('secret', 'leak');
  publisher.publish('secret', 'leak', { reliable: false });
  publisher.publishWithIdentity('secret', 'leak');
  publisher.publish('news', 'allowed');
  publisher.publish('rooms.a', 'last');
  await denials.untilCount(3);
  assert.deepEqual(denials.events, Array.from({ length: 3 }, () => ({ code: 'PUBLISH_DENIED', topics: ['secret'] })));
  // The reliable messages after the refused ones arrive in order: the refused ones, published first on the same channel, would have come before.
  await Promise.all(inboxes.map((inbox) => inbox.until((messages) => messages.some((m) => m.topic === 'rooms.a' && bodyText(m) === 'last'))));
  for (const inbox of inboxes) {
    assert.deepEqual(inbox.texts((m) => m.topic !== 'rooms.a'), ['allowed']);
  }
  // Refused messages count as handled: nothing waits for an acknowledgement.
  await publisher.flush();
  assert.equal(publisher.unacknowledged, 0);
  assert.equal(first.stats.denied.publish, 3);
  assert.equal(await metricValue(cluster, 0, 'publish'), 3);
  assert.equal(second.stats.denied.publish, 0);
  // A subscriber without claims publishes anywhere.
  subscribers[1].publish('secret', 'unrestricted');
  await inboxes[0].until((messages) => messages.some((m) => bodyText(m) === 'unrestricted'));
});

test('topics outside the subscribe claim get ERROR and are not subscribed: nothing published on them arrives', { timeout: 90_000 }, async (t) => {
  const cluster = await permissionCluster(t);
  const [first, second] = cluster.servers;
  const [reader] = await connectTo(cluster, [first.alias!], { auth: { query: { sub: 'rooms.*' } } });
  const [writer] = await connectTo(cluster, [second.alias!]);
  const denials = new Denials(reader);
  const inbox = new Inbox(reader);

  reader.subscribe(['rooms.b', 'secret'], { presence: true });
  await denials.untilCount(1);
  assert.deepEqual(denials.events, [{ code: 'SUBSCRIBE_DENIED', topics: ['secret'] }]);
  assert.deepEqual([...reader.topics], ['rooms.b']);
  const peer = first.peers.get(reader.alias)!;
  assert.deepEqual([...first.topicsOf(peer)], ['rooms.b']);
  await assert.rejects(reader.presence('secret'), { code: 'NOT_SUBSCRIBED' });
  assert.equal(first.stats.denied.subscribe, 1);
  assert.equal(await metricValue(cluster, 0, 'subscribe'), 1);

  await untilRouted('rooms.b', [writer], [{ client: reader, inbox }]);
  writer.publish('secret', 'not for the reader');
  writer.publish('rooms.b', 'marker');
  await inbox.until((messages) => messages.some((m) => bodyText(m) === 'marker'));
  assert.deepEqual(inbox.texts((m) => m.topic === 'secret'), []);

  // Asking again names the topic again; an allowed change goes through with no ERROR.
  reader.subscribe(['rooms.c']);
  reader.subscribe(['secret']);
  await denials.untilCount(2);
  assert.deepEqual(denials.events[1], { code: 'SUBSCRIBE_DENIED', topics: ['secret'] });
  assert.deepEqual([...reader.topics].sort(), ['rooms.b', 'rooms.c']);
});

test('a JWT with publish_topics and subscribe_topics claims limits its client the same way', { timeout: 60_000 }, async (t) => {
  const cluster = await permissionCluster(t);
  const [first] = cluster.servers;
  const jwt = await new SignJWT({ publish_topics: ['chat'], subscribe_topics: ['chat', 'alerts.*'] })
    .setProtectedHeader({ alg: 'HS256' }).setSubject('carol').setExpirationTime('2m').sign(JWT_SECRET);
  const [carol, other] = await connectTo(cluster, [first.alias!, first.alias!], { auth: { body: jwt } });
  const denials = new Denials(carol);
  carol.subscribe(['chat', 'alerts.fire', 'gossip']);
  await denials.untilCount(1);
  carol.publish('gossip', 'no');
  await denials.untilCount(2);
  assert.deepEqual(denials.events, [{ code: 'SUBSCRIBE_DENIED', topics: ['gossip'] }, { code: 'PUBLISH_DENIED', topics: ['gossip'] }]);
  const inbox = new Inbox(other);
  other.subscribe('chat');
  await untilRouted('chat', [carol], [{ client: other, inbox }]);
});

test('a client of the original protocol without claims publishes and subscribes as before and gets no ERROR', { timeout: 60_000 }, async (t) => {
  const cluster = await permissionCluster(t);
  const [first] = cluster.servers;
  const raw = await RawPeer.authenticated(cluster.coordinator.url, { serverAlias: first.alias! });
  raw.send('reliable', frames.subscription('secret rooms.a'));
  await raw.roundTrip();
  const [limited] = await connectTo(cluster, [first.alias!], { auth: { query: { pub: 'secret' } } });
  const inbox = new Inbox(limited);
  limited.subscribe('secret');
  // The raw client publishes until the subscription has reached the routing table.
  const timer = setInterval(() => raw.send('reliable', frames.topic('secret', 'from the original client')), 20);
  try {
    await inbox.until((messages) => messages.some((m) => m.from === raw.alias));
  } finally {
    clearInterval(timer);
  }
  limited.publish('secret', 'to the original client');
  for (;;) {
    const frame = new WireMessage(await raw.channel('reliable').frames.next());
    if (frame.uint(1) === T.TOPIC_FW) break;
    assert.notEqual(frame.uint(1), T.ERROR, 'no ERROR to a client without claims');
  }
  await raw.roundTrip();
  assert.equal(first.stats.denied.publish + first.stats.denied.subscribe, 0);
});
