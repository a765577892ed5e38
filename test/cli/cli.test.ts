// The `broker` command as a user runs it: real processes.
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BrokerClient } from '../../client/index.js';
import { BrokerProcess } from '../../shared/processes.js';
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

/** Runs the broker command to its end: exit code, stdout, stderr. */
async function brokerRun(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [broker, ...args], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

const COMMANDS = ['coordinator', 'commserver', 'cluster', 'loadtest', 'kick'];

test('bare broker names every command; an unknown command says so; --version prints the package version', async () => {
  const bare = await brokerRun([]);
  assert.equal(bare.code, 2);
  for (const command of COMMANDS) assert.match(bare.stderr, new RegExp(`\\b${command}\\b`));
  const unknown = await brokerRun(['frobnicate']);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown command: frobnicate/);
  for (const command of COMMANDS) assert.match(unknown.stderr, new RegExp(`\\b${command}\\b`));
  const { version } = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  assert.deepEqual(await brokerRun(['--version']), { code: 0, stdout: `${version}\n`, stderr: '' });
});

test("each command's --help starts with a usage line and two examples, then the common options, and ends with the limits", async () => {
  for (const command of COMMANDS) {
    const { code, stdout } = await brokerRun([command, '--help']);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.match(lines[0]!, new RegExp(`^Usage: broker ${command} `), stdout);
    assert.equal(lines[1], '');
    // Two examples, each on one line (a third, or one wrapped, makes line 4 another example or its tail).
    for (const example of lines.slice(2, 4)) assert.match(example, new RegExp(`^broker ${command}\\b.*  # `), stdout);
    assert.equal(lines[4], '', stdout);
    const groups = lines.filter((line) => /^[A-Z][\w ]*:$/.test(line));
    assert.equal(groups[0], 'Options:', stdout);
    // The first group is the few options most users need, then the global ones (--help last): nothing after them.
    const first = lines.slice(lines.indexOf('Options:') + 1);
    const options = first.slice(0, first.indexOf(''));
    assert.equal(options.filter((line) => line.startsWith('  --')).at(-1)?.trim().split(/\s+/)[0], '--help', stdout);
    if (command === 'coordinator' || command === 'commserver') assert.equal(groups.at(-1), 'Limits:', stdout);
    // The command's own main options come before the global ones.
    assert.ok(stdout.indexOf('  --port') < 0 || stdout.indexOf('  --port') < stdout.indexOf('  --config'), stdout);
  }
});

test('a port already in use is a run-time failure: exit code 3, no --help hint, no stack (every port of every command)', async () => {
  const holder = createServer();
  holder.listen(0, '127.0.0.1');
  await once(holder, 'listening');
  const { port } = holder.address() as AddressInfo;
  // A comm server listens before it reaches its coordinator: nothing needs to answer there.
  const noCoordinator = ['--coordinator-url', 'ws://127.0.0.1:1'];
  try {
    // Independent processes: at once.
    await Promise.all([
      ['coordinator', '--port', String(port)],
      ['coordinator', '--port', '0', '--http-port', String(port)],
      ['cluster', '--servers', '1', '--no-demo', '--port', String(port)],
      ['commserver', ...noCoordinator, '--ws-port', String(port)],
      ['commserver', ...noCoordinator, '--no-ws', '--http-port', String(port)],
    ].map(async (args) => {
      const { code, stderr } = await brokerRun([...args, '--log-level', 'error']);
      assert.equal(code, 3, `${args.join(' ')}: ${stderr}`);
      assert.match(stderr, new RegExp(`127\\.0\\.0\\.1:${port} is already in use`), args.join(' '));
      assert.doesNotMatch(stderr, /--help/, args.join(' '));
      assert.doesNotMatch(stderr, /^\s+at /m, `${args.join(' ')}: no stack trace`);
    }));
  } finally {
    holder.close();
  }
});

test('an address the comm server cannot listen on is a run-time failure: exit code 1, one line, no stack', async () => {
  // 192.0.2.1 (TEST-NET-1) is no address of this host.
  const { code, stderr } = await brokerRun(['commserver', '--coordinator-url', 'ws://127.0.0.1:1', '--ws-host', '192.0.2.1', '--log-level', 'error']);
  assert.equal(code, 1, stderr);
  assert.match(stderr, /^broker: listen EADDRNOTAVAIL: .*192\.0\.2\.1/m);
  assert.doesNotMatch(stderr, /--help/);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
});

test('a comm server that cannot reach its coordinator logs every retry as a warning', { timeout: 30_000 }, async () => {
  // A port nothing listens on: bound, then closed.
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  await once(probe, 'close');
  const child = spawn(process.execPath, [
    broker, 'commserver', '--coordinator-url', `ws://127.0.0.1:${port}`, '--coordinator-retry-max-ms', '300',
    '--log-level', 'warn', '--log-format', 'json', '--no-ws',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const attempts: { attempt: number; at: number }[] = [];
    for await (const line of createInterface({ input: child.stderr! })) {
      const entry = JSON.parse(line) as { level: number; msg: string; attempt?: number };
      if (entry.msg !== 'coordinator unreachable, retrying') continue;
      assert.equal(entry.level, 40, 'warn');
      attempts.push({ attempt: entry.attempt!, at: Date.now() });
      if (attempts.length === 5) break;
    }
    // Every attempt, not the first and every tenth.
    assert.deepEqual(attempts.map(({ attempt }) => attempt), [1, 2, 3, 4, 5]);
    for (let index = 1; index < attempts.length; index++) assert.ok(attempts[index]!.at - attempts[index - 1]!.at < 10_000);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
});

test('a comm server whose open-files limit cannot hold --max-peers sockets warns at start, naming both; one that can does not', { timeout: 30_000 }, async () => {
  /**
   * Starts a comm server under `ulimit -n 256` (no secrets) and returns what it logs (JSON, in order) up to
   * its warning of open access, which comes after the open-files check.
   */
  async function warningsUnder256(extra: string[]): Promise<Array<{ msg: string; openFilesLimit?: number; maxPeers?: number }>> {
    const child = spawn('sh', ['-c', 'ulimit -n 256 && exec "$0" "$@"', process.execPath, broker, 'commserver',
      '--coordinator-url', 'ws://127.0.0.1:1', '--no-ws', '--log-level', 'warn', '--log-format', 'json', ...extra,
    ], { stdio: ['ignore', 'ignore', 'pipe'] });
    const warnings: Array<{ msg: string }> = [];
    try {
      for await (const line of createInterface({ input: child.stderr! })) {
        warnings.push(JSON.parse(line) as { msg: string });
        if (warnings.at(-1)!.msg.startsWith('no authentication')) break;
      }
      return warnings;
    } finally {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
  }
  const openFiles = /^the open-files limit is below what --max-peers needs/;
  const [tooMany, fitting] = await Promise.all([warningsUnder256([]), warningsUnder256(['--max-peers', '100'])]);
  const warned = tooMany.filter((entry) => openFiles.test(entry.msg));
  assert.equal(warned.length, 1, JSON.stringify(tooMany));
  assert.deepEqual([warned[0]!.openFilesLimit, warned[0]!.maxPeers], [256, 2000]);
  assert.deepEqual(fitting.filter((entry) => openFiles.test(entry.msg)), []);
});

test('a coordinator that accepts the connection and never answers: each attempt ends after --coordinator-connect-timeout-ms with a warning', { timeout: 30_000 }, async () => {
  const held = new Set<Socket>();
  const silent = createServer((socket) => held.add(socket.on('error', () => undefined)));
  silent.listen(0, '127.0.0.1');
  await once(silent, 'listening');
  const { port } = silent.address() as AddressInfo;
  const child = spawn(process.execPath, [
    broker, 'commserver', '--coordinator-url', `ws://127.0.0.1:${port}`, '--coordinator-connect-timeout-ms', '300',
    '--coordinator-retry-max-ms', '300', '--log-level', 'warn', '--log-format', 'json', '--no-ws',
  ], { stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const warnings: string[] = [];
    const started = Date.now();
    for await (const line of createInterface({ input: child.stderr! })) {
      const entry = JSON.parse(line) as { msg: string; err?: string };
      if (entry.msg !== 'coordinator unreachable, retrying') continue;
      warnings.push(entry.err!);
      if (warnings.length === 3) break;
    }
    assert.deepEqual(warnings, Array(3).fill('Opening handshake has timed out'));
    // Three attempts of 300 ms and two backoffs of at most 300 ms; a fixed 10 s timeout would take 30 s.
    assert.ok(Date.now() - started < 10_000, `${Date.now() - started} ms for three attempts`);
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    for (const socket of held) socket.destroy();
    silent.close();
  }
});
