// The `broker` command as a user runs it: real processes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BrokerClient } from '../../client/index.js';
import { BrokerProcess } from '../../cli/processes.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';

const broker = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));
const run = promisify(execFile);

/** The command lines (argument lists) of the processes whose parent is `parentPid`, from /proc. */
async function childCommandLines(parentPid: number): Promise<string[][]> {
  const lines: string[][] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (parent === parentPid) lines.push((await readFile(`/proc/${entry}/cmdline`, 'utf8')).split('\0').filter(Boolean));
    } catch {
      // The process ended while the directory was read.
    }
  }
  return lines;
}

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
    // The comm servers run with a small young generation (COMM_SERVER_NODE_ARGS: RSS).
    const servers = (await childCommandLines(cluster.pid!)).filter((args) => args.includes('commserver'));
    assert.equal(servers.length, 2);
    for (const args of servers) assert.ok(args.includes('--max-semi-space-size=4'), args.join(' '));

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

test('broker cluster --servers 1 comes up and its one comm server serves two clients', async () => {
  const cluster = new BrokerProcess(['cluster', '--servers', '1', '--port', '0', '--no-demo'], { stderr: 'ignore' });
  try {
    const [line, url] = await cluster.waitForLine(/^local cluster up: coordinator (\S+), 1 comm server \(mesh\)$/);
    assert.ok(line);
    const [, aliases] = await cluster.waitForLine(/^comm server aliases: (.+)$/);
    assert.equal(aliases.split(', ').length, 1);
    const clients = await Promise.all([0, 1].map(() => BrokerClient.connect({ coordinatorUrl: url, transport: 'webrtc' })));
    const inboxes = clients.map((client) => new Inbox(client));
    for (const client of clients) client.subscribe('chat');
    await untilRouted('chat', clients, clients.map((client, i) => ({ client, inbox: inboxes[i] })));
    clients[0].publish('chat', 'alone');
    await inboxes[1].until((messages) => messages.some((m) => bodyText(m) === 'alone'));
    for (const client of clients) client.close();
    cluster.child.kill('SIGTERM');
    assert.equal(await cluster.exited, 0);
  } finally {
    await cluster.kill();
  }
});
