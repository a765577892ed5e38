// Direct messages across a mesh of real comm servers (the direct extension):
// a message to an alias reaches that client only, wherever it is; to an
// identity, every connection of it; the sender's alias and identity are
// stamped by its server; a target that is nowhere is answered NO_SUCH_PEER
// within 5 s; a client that re-homed or failed over is reached at its new
// alias and by its identity; a client of the original protocol sees none of
// it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrokerClient, BrokerClientError, DirectEvent, DirectTarget } from '../../client/index.js';
import { commServerMetrics } from '../../commserver/metrics.js';
import { connectTo, joinServerProcess, startCluster } from '../helpers/cluster.js';
import { EventLog } from '../helpers/event-log.js';
import { WireMessage } from '../helpers/protobuf-wire.js';
import { RawPeer } from '../hostile/raw-peer.js';
import { closeReason } from '../hostile/helpers.js';

const text = new TextDecoder();

interface Received { from: number; identity?: string; body: string; reliable: boolean }

/** Records a client's direct messages; a test awaits the ones it expects. */
class DirectInbox extends EventLog<Received> {
  constructor(client: BrokerClient) {
    super();
    client.on('direct', (event: DirectEvent) => this.push({ ...event, body: text.decode(event.body) }));
  }

  get bodies(): string[] {
    return this.events.map((event) => event.body);
  }

  override until(done: (events: Received[]) => boolean, timeoutMs = 10_000): Promise<void> {
    return super.until(done, timeoutMs);
  }
}

/**
 * A reliable send, again while the answer is NO_SUCH_PEER: the directory
 * reaches the sender's server within an interval and a hop of the target's
 * arrival. A refused attempt delivered nothing, so the target gets one copy.
 */
async function sendUntilAccepted(sender: BrokerClient, target: DirectTarget, body: string, timeoutMs = 3_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await sender.sendTo(target, body);
      return;
    } catch (error) {
      if ((error as BrokerClientError).code !== 'NO_SUCH_PEER' || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves with how long a reliable send took to be refused, asserting its code is one of `codes`. */
async function refused(sender: BrokerClient, target: DirectTarget, codes: string[] = ['NO_SUCH_PEER']): Promise<number> {
  const started = Date.now();
  const error = await sender.sendTo(target, 'to nobody').then(() => assert.fail(`a message to ${JSON.stringify(target)} was accepted`), (e: BrokerClientError) => e);
  assert.ok(codes.includes(error.code), `${error.code}: ${error.message}`);
  return Date.now() - started;
}

test('a direct message reaches its target only, across servers; to an identity, every connection of it; NO_SUCH_PEER for nobody', { timeout: 120_000 }, async (t) => {
  t.after(() => RawPeer.closeAll());
  const cluster = await startCluster({ servers: 3, closedAfter: t });
  const aliases = cluster.servers.map((server) => server.alias!);
  const [alice] = await connectTo(cluster, [aliases[0]], { auth: { body: 'alice' } });
  const [bob1, bob2] = await connectTo(cluster, [aliases[1], aliases[2]], { auth: { body: 'bob' } });
  const carols = await connectTo(cluster, aliases, { auth: { body: 'carol' } });
  const others = [bob1, bob2, ...carols];
  const inboxes = new Map([alice, ...others].map((client) => [client, new DirectInbox(client)]));
  const inbox = (client: BrokerClient) => inboxes.get(client)!;

  // Once each has its message by alias, alice's server knows where everyone is.
  for (const client of others) await sendUntilAccepted(alice, client.alias, `hello ${client.alias}`);
  await Promise.all(others.map((client) => inbox(client).until((events) => events.length === 1)));
  for (const client of others) {
    assert.deepEqual(inbox(client).events, [{ from: alice.alias, identity: 'alice', body: `hello ${client.alias}`, reliable: true }]);
  }

  // To an identity: every connection of it, on any server, the sender's own left out.
  await alice.sendTo({ identity: 'bob' }, 'to every bob');
  await alice.sendTo({ identity: 'carol' }, 'to every carol');
  await carols[0].sendTo({ identity: 'carol' }, 'from carol 0 to the other carols');
  await bob2.sendTo(bob1.alias, 'from bob 2');
  // Unreliable: no answer, the same delivery.
  assert.equal(await alice.sendTo(bob2.alias, 'unreliable to bob 2', { reliable: false }), undefined);
  await inbox(bob2).until((events) => events.some((event) => event.body === 'unreliable to bob 2'));

  // Nobody: an alias no client has, an identity no client has, a client of the original protocol (no `direct`).
  const raw = await RawPeer.authenticated(cluster.coordinator.url, { serverAlias: aliases[1] });
  // sendUntilAccepted may have been answered NO_SUCH_PEER before the directory came in.
  const noSuchPeerBefore = sample(await commServerMetrics(cluster.servers[0]).metrics(), 'broker_commserver_direct_messages_total', { outcome: 'no_such_peer' }) ?? 0;
  for (const target of [2 ** 40, { identity: 'nobody' }, raw.alias]) {
    const ms = await refused(alice, target);
    assert.ok(ms < 5_000, `refused after ${ms} ms`);
  }
  const dropped = cluster.servers[0].stats.directsDropped;
  await alice.sendTo(2 ** 40, 'unreliable to nobody', { reliable: false });
  await untilTrue(() => cluster.servers[0].stats.directsDropped === dropped + 1, 'the unreliable message to nobody is counted as dropped');

  // A last message to each by alias: on each path, what was sent before it has arrived.
  for (const client of others) await alice.sendTo(client.alias, 'end');
  await Promise.all(others.map((client) => inbox(client).until((events) => events.some((event) => event.body === 'end'))));
  const hello = (client: BrokerClient) => `hello ${client.alias}`;
  assert.deepEqual(inbox(bob1).bodies, [hello(bob1), 'to every bob', 'from bob 2', 'end']);
  assert.deepEqual(inbox(bob1).events[2], { from: bob2.alias, identity: 'bob', body: 'from bob 2', reliable: true });
  assert.deepEqual(inbox(bob2).bodies.sort(), [hello(bob2), 'to every bob', 'unreliable to bob 2', 'end'].sort());
  assert.equal(inbox(bob2).events.find((event) => event.body === 'unreliable to bob 2')!.reliable, false);
  assert.deepEqual(inbox(carols[0]).bodies, [hello(carols[0]), 'to every carol', 'end']);
  for (const carol of carols.slice(1)) assert.deepEqual(inbox(carol).bodies, [hello(carol), 'to every carol', 'from carol 0 to the other carols', 'end']);
  assert.deepEqual(inbox(alice).events, []);
  const seen = [...raw.channel('reliable').frames.drain(), ...raw.channel('unreliable').frames.drain()].map((frame) => new WireMessage(frame).uint(1));
  assert.ok(seen.every((type) => type < 25), `the original client got only frames it knows: ${seen.join(',')}`);

  // What alice's server counted, as Prometheus reads it.
  const metrics = await commServerMetrics(cluster.servers[0]).metrics();
  assert.equal(sample(metrics, 'broker_commserver_drops_total', { reason: 'direct_no_such_peer' }), 1);
  assert.equal(sample(metrics, 'broker_commserver_direct_messages_total', { outcome: 'no_such_peer' }), noSuchPeerBefore + 3);
  assert.equal(sample(metrics, 'broker_commserver_direct_messages_total', { outcome: 'delivered' }), 3, 'to carol 0, its neighbour');
  assert.equal(sample(metrics, 'broker_commserver_direct_messages_total', { outcome: 'forwarded' }), 15, 'one copy per message and server');
  assert.equal(sample(metrics, 'broker_commserver_directory_entries', { source: 'local' }), 2, 'alice and carol 0');
  assert.equal(sample(metrics, 'broker_commserver_directory_entries', { source: 'remote' }), 4, 'the bobs and the other carols, not the original client');

  // A client that closed: NO_SUCH_PEER once its server noticed, whatever the sender's server still believes.
  const gone = carols[2];
  const closed = closeReason(cluster.servers[2], gone.alias);
  gone.close();
  await closed;
  const ms = await refused(alice, gone.alias);
  assert.ok(ms < 5_000, `refused after ${ms} ms`);
  await alice.sendTo({ identity: 'carol' }, 'to the carols left');
  await Promise.all(carols.slice(0, 2).map((carol) => inbox(carol).until((events) => events.some((event) => event.body === 'to the carols left'))));
});

test('a client that re-homes is reached at its new alias and by its identity; its old alias is nobody', { timeout: 90_000 }, async (t) => {
  const cluster = await startCluster({ servers: 3 });
  t.after(() => cluster.close());
  const [first, second, third] = cluster.servers;
  const [alice] = await connectTo(cluster, [first.alias!], { auth: { body: 'alice' } });
  const [dave] = await connectTo(cluster, [second.alias!], { auth: { body: 'dave' }, reconnect: { minDelayMs: 100, maxDelayMs: 200 } });
  const inbox = new DirectInbox(dave);
  await sendUntilAccepted(alice, dave.alias, 'before');
  const oldAlias = dave.alias;

  cluster.nextClientServer = third.alias!;
  const reconnected = new Promise((resolve) => dave.once('reconnected', resolve));
  void second.peers.get(oldAlias)!.close('ice-failed');
  await reconnected;
  assert.equal(dave.serverAlias, third.alias);
  assert.notEqual(dave.alias, oldAlias);
  await sendUntilAccepted(alice, { identity: 'dave' }, 'by identity');
  await sendUntilAccepted(alice, dave.alias, 'by its new alias');
  await refused(alice, oldAlias);
  // Accepted means its comm server took it for dave; dave reads it a moment later.
  await inbox.until((events) => events.length >= 3);
  assert.deepEqual(inbox.bodies, ['before', 'by identity', 'by its new alias']);
  // It sends from its new alias.
  const aliceInbox = new DirectInbox(alice);
  await dave.sendTo(alice.alias, 'back');
  await aliceInbox.until((events) => events.length === 1);
  assert.deepEqual(aliceInbox.events, [{ from: dave.alias, identity: 'dave', body: 'back', reliable: true }]);
});

test("a SIGKILLed server's client: refused within 5 s while it is nowhere, reached by its identity once it failed over", { timeout: 90_000 }, async (t) => {
  const cluster = await startCluster({ servers: 2, closedAfter: t });
  const victim = await joinServerProcess(t, cluster);
  const [alice] = await connectTo(cluster, [cluster.servers[0].alias!], { auth: { body: 'alice' } });
  const [erin] = await connectTo(cluster, [victim.alias], { auth: { body: 'erin' }, reconnect: { minDelayMs: 100, maxDelayMs: 200 } });
  const inbox = new DirectInbox(erin);
  await sendUntilAccepted(alice, erin.alias, 'before');
  const oldAlias = erin.alias;

  cluster.nextClientServer = cluster.servers[1].alias!;
  const reconnected = new Promise((resolve) => erin.once('reconnected', resolve));
  process.kill(victim.pid, 'SIGKILL');
  // Its server does not answer (TIMEOUT) until its link falls silent, then nobody holds it (NO_SUCH_PEER).
  const ms = await refused(alice, oldAlias, ['NO_SUCH_PEER', 'TIMEOUT']);
  assert.ok(ms < 5_000, `refused after ${ms} ms`);
  await reconnected;
  await sendUntilAccepted(alice, { identity: 'erin' }, 'after', 5_000);
  await refused(alice, oldAlias, ['NO_SUCH_PEER', 'TIMEOUT']);
  await inbox.until((events) => events.length >= 2);
  assert.deepEqual(inbox.bodies, ['before', 'after']);
});

/** Resolves when every in-process server is linked to the server with `alias`. */
/** A sample of the Prometheus text format, by name and labels. */
function sample(metrics: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  const line = metrics.split('\n').find((candidate) => (candidate.startsWith(`${name}{`) || candidate.startsWith(`${name} `)) && wanted.every((pair) => candidate.includes(pair)));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

/** Polls a counter the server bumps (no event tells of it), within `timeoutMs`. */
async function untilTrue(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) assert.fail(`${what}: not within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
