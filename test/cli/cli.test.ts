// The `broker` command as a user runs it: real processes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BrokerClient } from '../../client/index.js';
import { BrokerProcess } from '../../cli/processes.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';

const broker = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));
const run = promisify(execFile);

test('a bad option value exits non-zero with a message naming the option', async () => {
  for (const [args, flag] of [
    [['commserver', '--max-peers', '-1'], '--max-peers'],
    [['coordinator', '--port', 'http'], '--port'],
    [['commserver', '--ice-server', 'http://example'], '--ice-server'],
  ] as const) {
    const result = await run(process.execPath, [broker, ...args]).then(() => undefined, (error: { code: number; stderr: string }) => error);
    assert.ok(result, `${args.join(' ')} must fail`);
    assert.equal(result.code, 2);
    assert.match(result.stderr, new RegExp(flag));
  }
});

test('broker cluster starts a coordinator and comm servers that serve clients, and SIGTERM (as Ctrl-C) stops them all', async () => {
  const cluster = new BrokerProcess(['cluster', '--servers', '2', '--port', '0'], { stderr: 'ignore' });
  try {
    const [, url] = await cluster.waitForLine(/^local cluster up: coordinator (\S+),/);
    const [, aliases] = await cluster.waitForLine(/^comm server aliases: (.+)$/);
    assert.equal(aliases.split(', ').length, 2);

    const clients = await Promise.all([0, 1].map(() => BrokerClient.connect({ coordinatorUrl: url })));
    const inboxes = clients.map((client) => new Inbox(client));
    for (const client of clients) client.subscribe('chat');
    await untilRouted('chat', clients, clients.map((client, i) => ({ client, inbox: inboxes[i] })));
    clients[0].publish('chat', 'hello');
    await inboxes[1].until((messages) => messages.some((m) => bodyText(m) === 'hello'));

    const lost = clients.map((client) => new Promise((resolve) => client.on('disconnected', resolve)));
    // SIGTERM, not SIGINT: a test runner started in the background inherits an ignored SIGINT.
    cluster.child.kill('SIGTERM');
    assert.equal(await cluster.exited, 0);
    // The comm servers are gone: their clients lose their connections.
    await Promise.all(lost);
    for (const client of clients) client.close();
  } finally {
    await cluster.kill();
  }
});
