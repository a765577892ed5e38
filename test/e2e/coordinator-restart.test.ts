// The coordinator process dies and comes back mid-traffic: established data
// channels carry on, comm servers re-register without doubling their links,
// and new clients connect afterwards.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, test } from 'node:test';
import { BrokerClient } from '../../client/index.js';
import { CommServer } from '../../commserver/index.js';
import { startCoordinatorProcess, type BrokerProcess } from '../../shared/processes.js';
import { meshFormed } from '../helpers/cluster.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';

const processes: BrokerProcess[] = [];
const servers: CommServer[] = [];
const clients: BrokerClient[] = [];

after(async () => {
  for (const client of clients) client.close();
  await Promise.all(servers.map((server) => server.close()));
  await Promise.all(processes.map((process) => process.kill()));
});

async function startCoordinator(port = 0) {
  const coordinator = await startCoordinatorProcess({ port, stderr: 'ignore' });
  processes.push(coordinator.process);
  return coordinator;
}

/** Connects until a client lands on `server` (the coordinator picks at random). */
async function clientOn(url: string, server: CommServer): Promise<BrokerClient> {
  for (let attempt = 0; attempt < 30; attempt++) {
    const client = await BrokerClient.connect({ coordinatorUrl: url });
    clients.push(client);
    if (client.serverAlias === server.alias) return client;
    client.close();
  }
  throw new Error(`no client landed on server ${server.alias}`);
}

test('a reliable stream across a coordinator restart loses and duplicates nothing', async () => {
  const first = await startCoordinator();
  const port = Number(new URL(first.url).port);
  for (let i = 0; i < 2; i++) {
    const server = new CommServer({ coordinatorUrl: first.url, limits: { coordinatorRetryMinMs: 50, coordinatorRetryMaxMs: 300 } });
    servers.push(server);
    const registered = once(server, 'registered');
    server.start();
    await registered;
  }
  await meshFormed(servers);
  const publisher = await clientOn(first.url, servers[0]);
  const subscriber = await clientOn(first.url, servers[1]);
  const inbox = new Inbox(subscriber);
  subscriber.subscribe('stream');
  await untilRouted('stream', [publisher], [{ client: subscriber, inbox }]);

  const total = 300;
  const reRegistered = servers.map((server) => once(server, 'registered'));
  let second: Awaited<ReturnType<typeof startCoordinator>> | undefined;
  for (let seq = 0; seq < total; seq++) {
    publisher.publish('stream', `m${seq}`);
    if (seq === 100) await first.process.kill();
    if (seq === 200) second = await startCoordinator(port);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const stream = () => inbox.texts().filter((text) => text.startsWith('m'));
  await inbox.until(() => stream().length >= total);
  assert.deepEqual(stream(), Array.from({ length: total }, (_, seq) => `m${seq}`), 'every message once, in order');

  await Promise.all(reRegistered);
  for (const server of servers) assert.equal(server.linkedServers().length, 1, 'still one link between the two servers');

  const late = await BrokerClient.connect({ coordinatorUrl: second!.url });
  clients.push(late);
  const lateInbox = new Inbox(late);
  late.subscribe('stream');
  await untilRouted('stream', [publisher], [{ client: late, inbox: lateInbox }]);
  publisher.publish('stream', 'after restart');
  await Promise.all([inbox, lateInbox].map((box) => box.until((messages) => messages.some((m) => bodyText(m) === 'after restart'))));
  assert.equal(inbox.texts().filter((text) => text === 'after restart').length, 1);
});
