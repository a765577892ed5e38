// A seeded, reproducible fuzz run over the NATS backbone: two comm server
// processes on it, and a stranger on the same NATS (no cluster secret, so
// what passes the envelope goes on into dispatch as a linked server's
// frame) publishing 2,000 random and mutated envelopes, carrying hostile
// frames, on the topic subjects and both servers' link subjects. Afterwards
// neither process has exited or logged a fatal line, and clients on the two
// servers still exchange messages across the backbone. Change SEED to
// explore; a failure names its seed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { connect } from '@nats-io/transport-node';
import { BrokerClient } from '../../client/index.js';
import { EnvelopeKind, encodeEnvelope } from '../../commserver/backbone-envelope.js';
import { startCoordinatorProcess } from '../../shared/processes.js';
import { NatsServer } from '../helpers/nats-server.js';
import { Inbox, untilRouted } from '../helpers/messages.js';
import { Child } from './child.js';
import { hostileFrame } from './frame-arbitraries.js';

const SEED = 0xba5e;
const MESSAGES = 2_000;
const SERVER_IDS = ['fuzz-a', 'fuzz-b'];

const running: Array<() => Promise<unknown>> = [];
after(async () => {
  for (const stop of running.splice(0).reverse()) await stop();
});

/** An envelope as a stranger might publish it: well formed around a hostile frame, mutated, or noise. */
function hostileEnvelope(subject: string): fc.Arbitrary<Uint8Array> {
  const envelope = fc.record({
    kind: fc.constantFrom(EnvelopeKind.FRAME, EnvelopeKind.CLOSE, EnvelopeKind.TOPIC),
    channel: fc.constantFrom('reliable' as const, 'unreliable' as const),
    from: fc.oneof(fc.constantFrom(...SERVER_IDS), fc.string({ minLength: 1, maxLength: 20 })),
    linkId: fc.string({ maxLength: 40 }),
    seq: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.nat(), fc.constant(Number.MAX_SAFE_INTEGER)),
    frame: hostileFrame([], 0.2),
  }).map((fields) => encodeEnvelope(subject, fields, undefined));
  const mutated = fc.tuple(envelope, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.boolean()).map(([bytes, at, byte, cut]) => {
    const copy = Uint8Array.from(bytes);
    const position = at % copy.length;
    if (cut) return copy.subarray(0, position);
    copy[position] = byte;
    return copy;
  });
  return fc.oneof({ arbitrary: envelope, weight: 6 }, { arbitrary: mutated, weight: 3 }, { arbitrary: fc.uint8Array({ maxLength: 100 }), weight: 1 });
}

const SUBJECTS = ['broker.topic.room', 'broker.topic.bystanders', 'broker.topic.=AA', ...SERVER_IDS.map((id) => `broker.link.${id}`)];

/** Clients connected until one is on each comm server. */
async function oneClientPerServer(coordinatorUrl: string, servers: number): Promise<BrokerClient[]> {
  const clients = new Map<number, BrokerClient>();
  for (let attempt = 0; clients.size < servers && attempt < 40; attempt++) {
    const client = await BrokerClient.connect({ coordinatorUrl, transport: 'webrtc', reconnect: { enabled: false } });
    running.push(async () => client.close());
    if (clients.has(client.serverAlias!)) client.close();
    else clients.set(client.serverAlias!, client);
  }
  assert.equal(clients.size, servers, 'a client on each comm server');
  return [...clients.values()];
}

test('2,000 fuzzed messages on the NATS backbone subjects from a stranger crash no comm server', { timeout: 120_000 }, async () => {
  const nats = await NatsServer.start({ jetstream: false });
  running.push(() => nats.stop());
  const { process: coordinator, url } = await startCoordinatorProcess({ stderr: 'ignore' });
  running.push(() => coordinator.kill());
  const servers = SERVER_IDS.map((id) => Child.commServer(url, ['--backbone', 'nats', '--nats', nats.url, '--server-id', id]));
  running.push(() => Promise.all(servers.map((server) => server.kill())));
  await Promise.all(servers.map((server) => server.stdout(/^servers linked: 1$/)));
  const [a, b] = await oneClientPerServer(url, servers.length) as [BrokerClient, BrokerClient];
  const inboxes = [new Inbox(a), new Inbox(b)];
  for (const client of [a, b]) client.subscribe('room');
  await untilRouted('room', [a, b], [{ client: a, inbox: inboxes[0]! }, { client: b, inbox: inboxes[1]! }]);

  const stranger = await connect({ servers: nats.url });
  running.push(() => stranger.close());
  const messages = fc.sample(fc.constantFrom(...SUBJECTS).chain((subject) => hostileEnvelope(subject).map((data) => ({ subject, data }))), { seed: SEED, numRuns: MESSAGES });
  for (const { subject, data } of messages) stranger.publish(subject, data);
  await stranger.flush();
  console.log(`fuzz (seed ${SEED}): ${MESSAGES} messages on ${SUBJECTS.join(', ')}`);

  a.publish('room', 'after the fuzz, from a');
  b.publish('room', 'after the fuzz, from b');
  await inboxes[1]!.until(() => inboxes[1]!.texts().includes('after the fuzz, from a'));
  await inboxes[0]!.until(() => inboxes[0]!.texts().includes('after the fuzz, from b'));
  for (const server of servers) {
    assert.equal(server.process.exitCode, null, 'the comm server is running');
    assert.equal(server.logs({ level: 60 }).length, 0, 'no fatal log line');
  }
  assert.equal(coordinator.child.exitCode, null, 'the coordinator is running');
});
