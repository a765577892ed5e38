// `broker cluster --nats` as a user runs it: a real nats-server, the cluster
// as a child process, clients of different coordinators exchanging a
// message, and SIGINT (Ctrl-C) stopping the whole cluster.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { BrokerClient } from '../../client/index.js';
import { BrokerProcess } from '../../shared/processes.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';
import { NatsServer, freePort } from '../helpers/nats-server.js';

/** `promise`, or a rejection saying what did not happen within `ms`. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([promise, delay(ms, undefined, { ref: false }).then(() => Promise.reject(new Error(`${what} not within ${ms} ms`)))]);
}

test('broker cluster --nats --backbone nats: two coordinators on one NATS, comm servers on its backbone, a client of each coordinator gets the other\'s message, SIGINT stops it all', { timeout: 150_000 }, async () => {
  const nats = await NatsServer.start();
  const cluster = new BrokerProcess(
    ['cluster', '--nats', nats.url, '--backbone', 'nats', '--port', '0', '--no-demo', '--log-level', 'error'], { stderr: 'ignore' },
  );
  const clients: BrokerClient[] = [];
  try {
    // Up once every comm server is linked to the others: the coordinators start one after the other, then the servers.
    await cluster.waitForLine(/^local cluster up: 2 coordinators on NATS nats:\/\/127\.0\.0\.1:\d+, 2 comm servers \(NATS backbone\)$/, { timeoutMs: 90_000 });
    const urls = await Promise.all([1, 2].map(async (n) => (await cluster.waitForLine(new RegExp(`^coordinator ${n}: (ws://127\\.0\\.0\\.1:\\d+)$`)))[1]!));
    assert.notEqual(urls[0], urls[1]);

    clients.push(...await Promise.all(urls.map((coordinatorUrl) => BrokerClient.connect({ coordinatorUrl, transport: 'webrtc' }))));
    const inboxes = clients.map((client) => new Inbox(client));
    for (const client of clients) client.subscribe('chat');
    await untilRouted('chat', clients, clients.map((client, i) => ({ client, inbox: inboxes[i]! })));
    clients[0]!.publish('chat', 'across coordinators');
    await inboxes[1]!.until((messages) => messages.some((m) => bodyText(m) === 'across coordinators'));

    const lost = clients.map((client) => new Promise((resolve) => client.on('disconnected', resolve)));
    cluster.child.kill('SIGINT');
    assert.equal(await within(cluster.exited, 20_000, 'the cluster exiting'), 0);
    // Its comm servers are gone with it: their clients lose their connections.
    await within(Promise.all(lost), 20_000, 'the clients losing their comm servers');
  } finally {
    for (const client of clients) client.close();
    await cluster.kill();
    await nats.stop();
  }
});

test('broker cluster --nats exits with code 5, as its coordinator does, when NATS cannot be reached', { timeout: 60_000 }, async () => {
  const cluster = new BrokerProcess(['cluster', '--nats', `nats://127.0.0.1:${await freePort()}`, '--port', '0', '--no-demo', '--log-level', 'fatal'], { stderr: 'ignore' });
  try {
    assert.equal(await within(cluster.exited, 30_000, 'the cluster exiting'), 5);
  } finally {
    await cluster.kill();
  }
});
