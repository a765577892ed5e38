// `broker kick` as an operator runs it, against a real `broker coordinator
// --http-port 0 --admin-token-file F` and comm server, both child processes:
// what it prints, its exit codes, and the kicked client's end.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BrokerClient } from '../../client/index.js';
import type { BrokerClientError } from '../../client/errors.js';
import { startCommServerProcess, startCoordinatorProcess, type BrokerProcess } from '../../shared/processes.js';

const broker = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));
const TOKEN = 'a0b1c2d3e4f5';

let folder: string;
let tokenFile: string;
let coordinator: BrokerProcess;
let server: BrokerProcess;
let coordinatorUrl: string;
let adminUrl: string;
const clients: BrokerClient[] = [];

before(async () => {
  folder = await mkdtemp(join(tmpdir(), 'broker-kick-'));
  tokenFile = join(folder, 'admin.token');
  await writeFile(tokenFile, `${TOKEN}\n`, { mode: 0o600 });
  const started = await startCoordinatorProcess({ stderr: 'ignore', args: ['--http-port', '0', '--admin-token-file', tokenFile] });
  coordinator = started.process;
  coordinatorUrl = started.url;
  const [, url] = await coordinator.waitForLine(/^operations endpoint on (\S+)/);
  adminUrl = url!;
  server = (await startCommServerProcess({ coordinatorUrl, stderr: 'ignore' })).process;
});

after(async () => {
  for (const client of clients) client.close();
  await server?.kill();
  await coordinator?.kill();
  await rm(folder, { recursive: true, force: true });
});

/** Runs `broker kick ARGS` to its end. */
function kick(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [broker, 'kick', ...args], { env: { ...process.env, ...env }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code) : 0, stdout, stderr });
    });
  });
}

async function connect(identity: string): Promise<BrokerClient> {
  const client = await BrokerClient.connect({ coordinatorUrl, auth: { body: identity }, transport: 'webrtc' });
  clients.push(client);
  return client;
}

const closed = (client: BrokerClient) => new Promise<BrokerClientError>((resolve) => client.on('close', resolve));

test('broker kick --alias closes the client (KICKED) and says so; again, there is no such client (exit 4)', async () => {
  const client = await connect('alice');
  const ended = closed(client);
  const result = await kick(['--url', adminUrl, '--alias', String(client.alias), '--admin-token-file', tokenFile]);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout, `kicked client ${client.alias}: 1 connection closed (comm server ${client.serverAlias}: 1)\n`);
  assert.equal((await ended).code, 'KICKED');
  const again = await kick(['--url', adminUrl, '--alias', String(client.alias), '--admin-token-file', tokenFile]);
  assert.deepEqual([again.code, again.stdout, again.stderr], [4, '', `broker: no such client: alias ${client.alias}\n`]);
});

test('broker kick --identity --ban-seconds with BROKER_ADMIN_TOKEN closes every connection of it and bans it; --json prints the answer', async () => {
  const [first, second] = [await connect('mallory'), await connect('mallory')];
  const ended = [first, second].map(closed);
  const result = await kick(['--url', adminUrl, '--identity', 'mallory', '--ban-seconds', '60'], { BROKER_ADMIN_TOKEN: TOKEN });
  assert.equal(result.code, 0, result.stderr);
  const lines = result.stdout.split('\n');
  assert.equal(lines[0], `kicked identity "mallory": 2 connections closed (comm server ${first.serverAlias}: 2)`);
  assert.match(lines[1]!, /^banned identity "mallory" until \d{4}-\d\d-\d\dT[\d:.]+Z$/);
  for (const error of await Promise.all(ended)) assert.equal(error.code, 'KICKED');
  await assert.rejects(BrokerClient.connect({ coordinatorUrl, auth: { body: 'mallory' }, transport: 'webrtc' }), { code: 'BANNED' });

  const json = await kick(['--url', adminUrl, '--identity', 'nobody', '--json'], { BROKER_ADMIN_TOKEN: TOKEN });
  assert.equal(json.code, 0, json.stderr);
  const answer = JSON.parse(json.stdout) as { closed: number; identity: string; bannedUntil: null };
  assert.deepEqual([answer.closed, answer.identity, answer.bannedUntil], [0, 'nobody', null]);
});

test('broker kick fails with exit 1 for a wrong token, no admin API or no coordinator, and with exit 2 for a bad command line', async () => {
  const wrong = await kick(['--url', adminUrl, '--identity', 'x'], { BROKER_ADMIN_TOKEN: 'wrong' });
  assert.deepEqual([wrong.code, wrong.stderr], [1, 'broker: the coordinator refused the admin token (HTTP 401)\n']);
  const unreachable = await kick(['--url', 'http://127.0.0.1:1', '--identity', 'x'], { BROKER_ADMIN_TOKEN: TOKEN });
  assert.equal(unreachable.code, 1);
  assert.match(unreachable.stderr, /^broker: cannot reach the coordinator at http:\/\/127\.0\.0\.1:1: /);
  for (const args of [
    ['--url', adminUrl],
    ['--url', adminUrl, '--alias', '1', '--identity', 'x'],
    ['--url', 'ftp://127.0.0.1', '--alias', '1'],
    ['--url', adminUrl, '--alias', '0'],
    ['--url', adminUrl, '--identity', 'x', '--ban-seconds', '0'],
  ]) {
    const result = await kick(args, { BROKER_ADMIN_TOKEN: TOKEN });
    assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
  }
  const noToken = await kick(['--url', adminUrl, '--identity', 'x'], { BROKER_ADMIN_TOKEN: '' });
  assert.equal(noToken.code, 2);

  // The admin API lives on the operations port: a token file without --http-port is a usage error.
  const noPort = await startCoordinatorProcess({ stderr: 'ignore', args: ['--admin-token-file', tokenFile] }).then(
    () => assert.fail('a coordinator started with --admin-token-file and no --http-port'),
    (error: { exitCode?: number }) => error.exitCode,
  );
  assert.equal(noPort, 2);

  // A coordinator without --admin-token-file has no admin API.
  const plain = await startCoordinatorProcess({ stderr: 'ignore', args: ['--http-port', '0'] });
  try {
    const [, url] = await plain.process.waitForLine(/^operations endpoint on (\S+)/);
    const result = await kick(['--url', url!, '--identity', 'x'], { BROKER_ADMIN_TOKEN: TOKEN });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /no admin API at .*\/v1\/kick \(HTTP 404\)/);
  } finally {
    await plain.process.kill();
  }
});
