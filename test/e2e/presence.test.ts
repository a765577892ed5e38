// Presence across a mesh of real comm servers (the presence extension): every
// server lists the same members of a topic, watchers get each other member's
// join and leave once, in order, with the reason; a crashed server's clients
// leave within the client heartbeat timeout plus 2 s; a client that re-homes
// within the grace is never seen leaving; a client of the original protocol
// is a member without seeing any of it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrokerClient } from '../../client/index.js';
import type { JoinEvent, LeaveEvent, PresenceList } from '../../client/presence.js';
import { connectTo, joinServerProcess, meshFormed, startCluster } from '../helpers/cluster.js';
import { EventLog } from '../helpers/event-log.js';
import { RawPeer, frames } from '../hostile/raw-peer.js';
import { WireMessage } from '../helpers/protobuf-wire.js';

type Event = ({ kind: 'join' } & JoinEvent) | ({ kind: 'leave' } & LeaveEvent);

/** Records a client's join and leave events; a test awaits the ones it expects. */
class Events extends EventLog<Event> {
  constructor(client: BrokerClient) {
    super();
    client.on('join', (event) => this.push({ kind: 'join', ...event }));
    client.on('leave', (event) => this.push({ kind: 'leave', ...event }));
  }

  of(alias: number): Event[] {
    return this.events.filter((event) => event.alias === alias);
  }

  override until(done: (events: Event[]) => boolean, timeoutMs = 15_000): Promise<void> {
    return super.until(done, timeoutMs);
  }
}

const members = (list: PresenceList) => list.map(({ alias, serverAlias }) => `${alias}@${serverAlias}`).sort();

/** Asks every client for `topic`'s members until each lists exactly `expected` (aliases), within `timeoutMs`. */
async function untilListed(clients: BrokerClient[], topic: string, expected: BrokerClient[], timeoutMs = 2_000): Promise<string[]> {
  const want = expected.map((client) => `${client.alias}@${client.serverAlias}`).sort();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lists = await Promise.all(clients.map(async (client) => members(await client.presence(topic))));
    if (lists.every((list) => JSON.stringify(list) === JSON.stringify(want))) return want;
    if (Date.now() > deadline) assert.fail(`presence of ${topic} is not ${JSON.stringify(want)} everywhere: ${JSON.stringify(lists)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

test('every server lists the same members; joins and leaves reach every watcher once, in order, with their reason', { timeout: 120_000 }, async (t) => {
  t.after(() => RawPeer.closeAll());
  const cluster = await startCluster({ servers: 3, closedAfter: t });
  const aliases = cluster.servers.map((server) => server.alias!);
  const watchers = await connectTo(cluster, aliases);
  const events = watchers.map((watcher) => new Events(watcher));
  for (const watcher of watchers) watcher.subscribe('room', { presence: true });
  await untilListed(watchers, 'room', watchers);
  await assert.rejects(watchers[0].presence('elsewhere'), { code: 'NOT_SUBSCRIBED' });

  // A plain subscriber with an identity joins on the second server, then unsubscribes.
  const [plain] = await connectTo(cluster, [aliases[1]], { auth: { body: 'alice' } });
  plain.subscribe('room');
  await Promise.all(events.map((recorder) => recorder.until(() => recorder.of(plain.alias).length === 1)));
  for (const recorder of events) assert.deepEqual(recorder.of(plain.alias), [{ kind: 'join', topic: 'room', alias: plain.alias, identity: 'alice' }]);
  await untilListed([...watchers, plain], 'room', [...watchers, plain]);
  const listed = (await watchers[2].presence('room')).find((member) => member.alias === plain.alias);
  assert.deepEqual(listed, { alias: plain.alias, identity: 'alice', serverAlias: aliases[1] });
  plain.unsubscribe('room');
  await Promise.all(events.map((recorder) => recorder.until(() => recorder.of(plain.alias).length === 2)));
  for (const recorder of events) assert.deepEqual(recorder.of(plain.alias)[1], { kind: 'leave', topic: 'room', alias: plain.alias, identity: 'alice', reason: 'unsubscribed' });
  await untilListed(watchers, 'room', watchers);

  // A client that closes leaves as disconnected (after the grace, 3 s by default).
  const [closing] = await connectTo(cluster, [aliases[2]]);
  closing.subscribe('room');
  await Promise.all(events.map((recorder) => recorder.until(() => recorder.of(closing.alias).length === 1)));
  const closedAt = Date.now();
  closing.close();
  await Promise.all(events.map((recorder) => recorder.until(() => recorder.of(closing.alias).length === 2)));
  const tookMs = Date.now() - closedAt;
  assert.ok(tookMs < 3_000 + 2_000, `leave after ${tookMs} ms`);
  for (const recorder of events) assert.deepEqual(recorder.of(closing.alias).map((event) => event.kind === 'leave' ? event.reason : event.kind), ['join', 'disconnected']);

  // A client of the original protocol is a member (without client id) and gets none of the presence frames.
  const raw = await RawPeer.authenticated(cluster.coordinator.url, { serverAlias: aliases[0] });
  raw.send('reliable', frames.subscription('room'));
  await raw.roundTrip();
  await Promise.all(events.map((recorder) => recorder.until(() => recorder.of(raw.alias).length === 1)));
  assert.deepEqual(events[1].of(raw.alias), [{ kind: 'join', topic: 'room', alias: raw.alias, identity: 'hostile' }]);
  const rawMember = { alias: raw.alias, serverAlias: aliases[0] } as unknown as BrokerClient;
  await untilListed(watchers, 'room', [...watchers, rawMember]);
  raw.send('reliable', frames.subscription(''));
  await raw.roundTrip();
  await Promise.all(events.map((recorder) => recorder.until(() => recorder.of(raw.alias).length === 2)));
  assert.equal((events[2].of(raw.alias)[1] as LeaveEvent).reason, 'unsubscribed');
  const seen = [...raw.channel('reliable').frames.drain(), ...raw.channel('unreliable').frames.drain()].map((frame) => new WireMessage(frame).uint(1));
  assert.ok(seen.every((type) => type < 22), `the original client got only original frames: ${seen.join(',')}`);

  // A server that joins late gets every server's members.
  const late = await cluster.addServer();
  await meshFormed(cluster.servers);
  const [newcomer] = await connectTo(cluster, [late.alias!]);
  newcomer.subscribe('room', { presence: true });
  const newcomerEvents = new Events(newcomer);
  await untilListed([...watchers, newcomer], 'room', [...watchers, newcomer]);

  // A marker joins on every server: what came before it on every link has arrived. Nothing came twice.
  const markers = await connectTo(cluster, [...aliases, late.alias!]);
  for (const marker of markers) marker.subscribe('room');
  await Promise.all(events.map((recorder) => recorder.until(() => markers.every((marker) => recorder.of(marker.alias).length === 1))));
  for (const [i, recorder] of events.entries()) {
    const others = watchers.filter((_, j) => j !== i).map((watcher) => watcher.alias);
    const counted = new Map<string, number>();
    for (const event of recorder.events) {
      if (others.includes(event.alias)) continue;
      const key = `${event.kind}:${event.alias}`;
      counted.set(key, (counted.get(key) ?? 0) + 1);
    }
    assert.ok([...counted.values()].every((count) => count === 1), `watcher ${i}: ${JSON.stringify([...counted])}`);
    assert.equal(recorder.events.filter((event) => event.alias === watchers[i].alias).length, 0, 'no event about itself');
  }
  assert.deepEqual(newcomerEvents.events.filter((event) => event.kind === 'leave'), []);
});

test("a SIGKILLed comm server's clients leave everywhere within the client heartbeat timeout plus 2 s", { timeout: 120_000 }, async (t) => {
  // The other servers learn of the crash when their links to it time out (--server-timeout-ms, 5000 by default, checked every second).
  const cluster = await startCluster({ servers: 2, closedAfter: t });
  const victim = await joinServerProcess(t, cluster);

  const watchers = await connectTo(cluster, cluster.servers.map((server) => server.alias!));
  const events = watchers.map((watcher) => new Events(watcher));
  for (const watcher of watchers) watcher.subscribe('room', { presence: true });
  const heartbeatTimeoutMs = 5_000;
  const lost = await connectTo(cluster, [victim.alias, victim.alias], { reconnect: { enabled: false }, heartbeatTimeoutMs });
  for (const client of lost) client.subscribe('room');
  await untilListed(watchers, 'room', [...watchers, ...lost]);

  const killedAt = Date.now();
  process.kill(victim.pid, 'SIGKILL');
  const took = await Promise.all(events.map(async (recorder) => {
    await recorder.until(() => lost.every((client) => recorder.of(client.alias).some((event) => event.kind === 'leave')), 20_000);
    return Date.now() - killedAt;
  }));
  for (const recorder of events) {
    for (const client of lost) assert.deepEqual(recorder.of(client.alias).map((event) => event.kind === 'leave' ? event.reason : event.kind), ['join', 'disconnected']);
  }
  t.diagnostic(`leaves after ${took.join(', ')} ms`);
  assert.ok(took.every((ms) => ms <= heartbeatTimeoutMs + 2_000), `leaves after ${took.join(', ')} ms`);
  await untilListed(watchers, 'room', watchers);
});

test('a client that re-homes within the grace is seen neither leaving nor joining; its new server lists it', { timeout: 90_000 }, async (t) => {
  const cluster = await startCluster({ servers: 3 });
  t.after(() => cluster.close());
  const [first, second, third] = cluster.servers;
  const [watcher] = await connectTo(cluster, [third.alias!]);
  const events = new Events(watcher);
  watcher.subscribe('room', { presence: true });
  const [mover] = await connectTo(cluster, [first.alias!], { reconnect: { minDelayMs: 100, maxDelayMs: 200 } });
  mover.subscribe('room', { presence: true });
  await events.until(() => events.of(mover.alias).length === 1);
  const oldAlias = mover.alias;
  const moverEvents = new Events(mover);

  // Its connection is cut by its server: the client re-homes to another one.
  cluster.nextClientServer = second.alias!;
  const reconnected = new Promise((resolve) => mover.once('reconnected', resolve));
  void first.peers.get(oldAlias)!.close('ice-failed');
  await reconnected;
  assert.equal(mover.serverAlias, second.alias);
  await untilListed([watcher, mover], 'room', [watcher, mover], 1_500);
  // Past the grace (3 s) and an interval: the old membership is gone, and no one was told it left.
  const marker = (await connectTo(cluster, [first.alias!]))[0];
  await new Promise((resolve) => setTimeout(resolve, 3_500));
  marker.subscribe('room');
  await events.until(() => events.of(marker.alias).length === 1);
  // The new session asked for events again.
  await moverEvents.until(() => moverEvents.of(marker.alias).length === 1);
  assert.deepEqual(events.of(oldAlias).map((event) => event.kind), ['join']);
  assert.deepEqual(events.of(mover.alias), []);
  await untilListed([watcher, mover], 'room', [watcher, mover, marker]);
});

test('a presence reply lists at most --max-presence-members and says it is truncated', { timeout: 60_000 }, async (t) => {
  const cluster = await startCluster({ servers: 2, serverOptions: { limits: { maxPresenceMembers: 3 } } });
  t.after(() => cluster.close());
  const clients = await connectTo(cluster, cluster.servers.flatMap((server) => [server.alias!, server.alias!]));
  for (const client of clients) client.subscribe('crowd');
  const deadline = Date.now() + 5_000;
  for (;;) {
    const list = await clients[0].presence('crowd');
    assert.ok(list.length <= 3, `${list.length} members listed`);
    if (list.truncated) {
      assert.equal(list.length, 3);
      break;
    }
    assert.ok(Date.now() < deadline, 'truncated within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const [alone] = await connectTo(cluster, [cluster.servers[0].alias!]);
  alone.subscribe('quiet');
  const list = await alone.presence('quiet');
  assert.deepEqual([members(list), list.truncated], [[`${alone.alias}@${alone.serverAlias}`], false]);
});

/** Resolves when every in-process server is linked to the server with `alias`. */
