// Kicks and bans across a mesh of real comm servers, asked through the
// coordinator's admin API on its operations port: a client kicked by alias
// ends with KICKED and stays gone, presence watchers see it leave as kicked;
// kicking an identity closes all its connections on every server; a banned
// identity is refused by the coordinator and by every comm server (one that
// registers later too) until the ban expires; a client of the original
// protocol is kicked without the extension's frames.
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import type { BrokerClient } from '../../client/index.js';
import type { BrokerClientError } from '../../client/errors.js';
import type { LeaveEvent } from '../../client/presence.js';
import { allowAllUpgrades, type UpgradeAuthenticator } from '../../shared/auth.js';
import { startAdminApi, type AdminApi } from '../helpers/admin.js';
import { connectTo, meshFormed, startCluster, type TestCluster } from '../helpers/cluster.js';
import { WireMessage } from '../helpers/protobuf-wire.js';
import { RawPeer, T, frames } from '../hostile/raw-peer.js';

const utf8 = new TextEncoder();

/** The coordinator knows a client's identity from its `user` query parameter (a deployment would check a session). */
const identifyByQuery: UpgradeAuthenticator = {
  ...allowAllUpgrades,
  identify: ({ url }) => {
    const user = url.searchParams.get('user');
    return user === null ? undefined : utf8.encode(user);
  },
};

/** A client the coordinator knows as `user`, whose AUTH body (its identity on a comm server that admits everyone) says the same. */
const as = (user: string) => ({ auth: { query: { user }, body: user } });

async function moderatedCluster(t: TestContext, servers: number): Promise<{ cluster: TestCluster; admin: AdminApi }> {
  const cluster = await startCluster({ servers, coordinatorOptions: { upgradeAuthenticator: identifyByQuery } });
  const admin = await startAdminApi(cluster.coordinator);
  t.after(async () => {
    await RawPeer.closeAll();
    await admin.close();
    await cluster.close();
  });
  return { cluster, admin };
}

/** The next `event` of `client` whose argument passes `match`, within `timeoutMs`. */
function next<T>(client: BrokerClient, event: 'close' | 'leave' | 'join', match: (value: T) => boolean = () => true, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const listener = (value: T) => {
      if (!match(value)) return;
      clearTimeout(timer);
      client.off(event, listener as never);
      resolve(value);
    };
    const timer = setTimeout(() => {
      client.off(event, listener as never);
      reject(new Error(`no ${event} event within ${timeoutMs} ms`));
    }, timeoutMs);
    client.on(event, listener as never);
  });
}

/** Every lifecycle event of a client, in order. */
function lifecycle(client: BrokerClient): string[] {
  const seen: string[] = [];
  client.on('disconnected', (error) => seen.push(`disconnected:${error.code}`));
  client.on('reconnecting', ({ error }) => seen.push(`reconnecting:${error.code}`));
  client.on('reconnected', () => seen.push('reconnected'));
  client.on('close', (error) => seen.push(`close:${error.code}`));
  return seen;
}

test('a client kicked by alias ends with KICKED and does not come back; presence watchers see it leave as kicked', { timeout: 90_000 }, async (t) => {
  const { cluster, admin } = await moderatedCluster(t, 2);
  const [first, second] = cluster.servers;
  const [watcher, victim] = await connectTo(cluster, [first.alias!, second.alias!]);
  watcher.subscribe('room', { presence: true });
  const joined = next<{ alias: number }>(watcher, 'join', ({ alias }) => alias === victim.alias);
  victim.subscribe('room');
  await joined;

  const seen = lifecycle(victim);
  const left = next<LeaveEvent>(watcher, 'leave', ({ alias }) => alias === victim.alias);
  const closed = next<BrokerClientError>(victim, 'close');
  const clientsConnected = cluster.coordinator.stats.connections.clients;
  const { status, body } = await admin.kick({ alias: victim.alias });
  assert.equal(status, 200, JSON.stringify(body));
  assert.deepEqual({ closed: body.closed, servers: body.servers, alias: body.alias }, { closed: 1, servers: [{ server: second.alias, closed: 1 }], alias: victim.alias });
  assert.equal((await closed).code, 'KICKED');
  assert.equal((await left).reason, 'kicked');
  assert.deepEqual(seen, ['close:KICKED'], 'closed once, never disconnected or re-homing');
  assert.equal(victim.closed, true);
  assert.equal(second.stats.closed.kicked, 1);
  assert.equal(cluster.coordinator.stats.connections.clients, clientsConnected, 'no new /connect from the kicked client');

  // It is gone: kicking it again finds no one.
  const again = await admin.kick({ alias: victim.alias });
  assert.equal(again.status, 404);
  assert.equal(again.body.error, 'no such client');
  assert.equal((await admin.kick({ alias: 12345 })).status, 404);

  // A client of the original protocol is kicked too, without a GOODBYE (it announced no extension).
  // The coordinator asks the server it named in the client's WELCOME: name the one the raw peer goes to.
  cluster.nextClientServer = first.alias!;
  const raw = await RawPeer.authenticated(cluster.coordinator.url, { serverAlias: first.alias! });
  cluster.nextClientServer = undefined;
  raw.send('reliable', frames.subscription('room'));
  await raw.roundTrip();
  await next(watcher, 'join', ({ alias }: { alias: number }) => alias === raw.alias);
  const rawLeft = next<LeaveEvent>(watcher, 'leave', ({ alias }) => alias === raw.alias);
  const rawKick = await admin.kick({ alias: raw.alias });
  assert.deepEqual([rawKick.status, rawKick.body.closed, rawKick.body.identity], [200, 1, 'hostile']);
  await raw.closed;
  assert.equal((await rawLeft).reason, 'kicked');
  const types = raw.channel('reliable').frames.drain().map((frame) => new WireMessage(frame).uint(1));
  assert.ok(!types.includes(T.GOODBYE), `the original client got no GOODBYE: ${types.join(',')}`);
  assert.equal(watcher.closed, false);
  await watcher.ping();
});

test('kicking an identity closes every connection of it, on every comm server, and no other', { timeout: 90_000 }, async (t) => {
  const { cluster, admin } = await moderatedCluster(t, 3);
  const aliases = cluster.servers.map((server) => server.alias!);
  const mallory = await connectTo(cluster, [aliases[0], aliases[2]], as('mallory'));
  const [alice] = await connectTo(cluster, [aliases[2]], as('alice'));
  const closed = mallory.map((client) => next<BrokerClientError>(client, 'close'));
  const seen = mallory.map(lifecycle);

  const { status, body } = await admin.kick({ identity: 'mallory' });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.closed, 2);
  assert.equal(body.identity, 'mallory');
  assert.equal(body.bannedUntil, null);
  assert.deepEqual(body.servers.map(({ server, closed: count }) => [server, count]).sort(), aliases.map((alias, i) => [alias, i === 1 ? 0 : 1]).sort());
  assert.deepEqual([body.unanswered, body.unsupported], [[], []]);
  for (const error of await Promise.all(closed)) assert.equal(error.code, 'KICKED');
  for (const events of seen) assert.deepEqual(events, ['close:KICKED']);
  assert.equal(alice.closed, false);
  await alice.ping();
  // Not banned: mallory may connect again.
  const [back] = await connectTo(cluster, [aliases[1]], as('mallory'));
  await back.ping();
});

test('a banned identity is refused by the coordinator and by every comm server, one that joins later too, until the ban expires', { timeout: 120_000 }, async (t) => {
  const { cluster, admin } = await moderatedCluster(t, 2);
  const aliases = cluster.servers.map((server) => server.alias!);
  const [eve] = await connectTo(cluster, [aliases[0]], as('eve'));
  const closed = next<BrokerClientError>(eve, 'close');

  const { status, body } = await admin.kick({ identity: 'eve', banSeconds: 8 });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.closed, 1);
  assert.equal((await closed).code, 'KICKED');
  const bannedUntil = Date.parse(body.bannedUntil!);
  assert.ok(bannedUntil > Date.now() + 6_000, body.bannedUntil!);

  // The coordinator knows eve from the upgrade: it refuses her before any comm server is involved.
  await assert.rejects(cluster.connect({ ...as('eve'), connectAttempts: 3 }), { code: 'BANNED' });
  assert.equal(cluster.coordinator.stats.refusedBanned, 1);
  // A client the coordinator does not know as eve, whose AUTH says eve: every comm server refuses it, one that registered after the ban too.
  const late = await cluster.addServer();
  await meshFormed(cluster.servers);
  for (const alias of [...aliases, late.alias!]) {
    cluster.nextClientServer = alias;
    await assert.rejects(cluster.connect({ auth: { body: 'eve' } }), { code: 'BANNED' }, `comm server ${alias}`);
  }
  cluster.nextClientServer = undefined;
  for (const server of cluster.servers) assert.equal(server.stats.closed.banned, 1);
  assert.ok(Date.now() < bannedUntil, 'the refusals came while the ban was in force');

  // Once it expires, eve is served again, by the coordinator and by the comm servers.
  await new Promise((resolve) => setTimeout(resolve, bannedUntil - Date.now() + 10));
  const [again] = await connectTo(cluster, [aliases[1]], as('eve'));
  await again.ping();
  const [byBody] = await connectTo(cluster, [late.alias!], { auth: { body: 'eve' } });
  await byBody.ping();
});

test('a kick by alias with a ban bans the identity the comm server knows, when the coordinator knows none', { timeout: 90_000 }, async (t) => {
  const { cluster, admin } = await moderatedCluster(t, 2);
  const aliases = cluster.servers.map((server) => server.alias!);
  // trudy's identity is only in her AUTH: the coordinator has none for her.
  const [trudy, other] = await connectTo(cluster, [aliases[0], aliases[1]], { auth: { body: 'trudy' } });
  const closed = [trudy, other].map((client) => next<BrokerClientError>(client, 'close'));
  const { status, body } = await admin.kick({ alias: trudy.alias, banSeconds: 60 });
  assert.equal(status, 200, JSON.stringify(body));
  assert.equal(body.identity, 'trudy');
  assert.ok(body.bannedUntil !== null);
  // The ban closes trudy's other connection too.
  assert.equal(body.closed, 2);
  for (const error of await Promise.all(closed)) assert.equal(error.code, 'KICKED');
  for (const alias of aliases) {
    cluster.nextClientServer = alias;
    await assert.rejects(cluster.connect({ auth: { body: 'trudy' } }), { code: 'BANNED' });
  }
  cluster.nextClientServer = undefined;

  // A client with no identity at all is kicked, and nothing is banned.
  const [anonymous] = await connectTo(cluster, [aliases[1]]);
  const anonymousKick = await admin.kick({ alias: anonymous.alias, banSeconds: 60 });
  assert.deepEqual([anonymousKick.status, anonymousKick.body.closed, anonymousKick.body.identity, anonymousKick.body.bannedUntil], [200, 1, null, null]);
});
