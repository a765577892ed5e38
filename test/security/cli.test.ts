// The security flags end to end, with real `broker` processes on 127.0.0.1.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { BrokerClient } from '../../client/index.js';
import { BrokerProcess, startCommServerProcess, startCoordinatorProcess } from '../../shared/processes.js';
import { WebSocket } from 'ws';
import { Role, Welcome } from '../../shared/codec.js';
import { clientTokenAuthenticator, clusterCredentials } from '../../shared/credentials.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';
import { upgradeStatus } from './helpers.js';

const discover = (url: string, query: Record<string, string> = {}) =>
  upgradeStatus(`${url}/discover?${new URLSearchParams({ role: 'COMMUNICATION_SERVER', server_id: 'probe', ...query })}`);

test('coordinator and comm server with --cluster-secret-file: the server joins, an unsigned /discover gets 401', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'broker-cli-secret-'));
  const secretFile = join(dir, 'cluster-secret');
  writeFileSync(secretFile, 'from a file\n', { mode: 0o600 });
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('BROKER_')) delete env[name];
  const coordinator = await startCoordinatorProcess({ args: ['--cluster-secret-file', secretFile], env, stderr: 'ignore' });
  t.after(() => coordinator.process.kill());
  const server = await startCommServerProcess({ coordinatorUrl: coordinator.url, args: ['--cluster-secret-file', secretFile], env, stderr: 'ignore' });
  t.after(() => server.process.kill());
  assert.ok(server.alias > 0);
  // The environment variable works as well as the file.
  const fromEnv = await startCommServerProcess({ coordinatorUrl: coordinator.url, env: { ...env, BROKER_CLUSTER_SECRET: 'from a file' }, stderr: 'ignore' });
  t.after(() => fromEnv.process.kill());
  assert.ok(fromEnv.alias > server.alias);

  assert.equal(await discover(coordinator.url), 401);
  assert.equal(await discover(coordinator.url, clusterCredentials('a wrong secret').discoverQuery('probe')), 401);
  assert.equal(await discover(coordinator.url, clusterCredentials('from a file').discoverQuery('probe')), 101);
  assert.equal(await upgradeStatus(`${coordinator.url}/connect`), 101);
});

test('broker cluster --cluster-secret --client-token-secret: a secured local cluster serves clients', async (t) => {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('BROKER_')) delete env[name];
  const cluster = new BrokerProcess(
    ['cluster', '--servers', '2', '--port', '0', '--no-demo', '--cluster-secret', 'local secret', '--client-token-secret', 'token secret'],
    { stderr: 'ignore', env },
  );
  t.after(() => cluster.kill());
  const [, url] = await cluster.waitForLine(/^local cluster up: coordinator (\S+),/);
  assert.equal(await discover(url), 401, 'the cluster secret reached the coordinator');

  const clients = await Promise.all([0, 1].map(() => BrokerClient.connect({ coordinatorUrl: url, heartbeatIntervalMs: 0 })));
  t.after(() => clients.forEach((client) => client.close()));
  const inboxes = clients.map((client) => new Inbox(client));
  for (const client of clients) client.subscribe('chat');
  await untilRouted('chat', clients, clients.map((client, i) => ({ client, inbox: inboxes[i] })));
  clients[0].publishWithIdentity('chat', 'hello');
  await inboxes[1].until((messages) => messages.some((m) => bodyText(m) === 'hello'));

  // The token secret reached the comm servers: a client without the token is refused.
  const refused = await BrokerClient.connect({ coordinatorUrl: url, heartbeatIntervalMs: 0, auth: { body: 'no token' } })
    .then((client) => { client.close(); return undefined; }, (error: { code: string }) => error.code);
  assert.equal(refused, 'AUTH_FAILED');
});

test('broker coordinator --client-publish-topics-header: the proxy header becomes the publish_topics claim of the token; a malformed one refuses the upgrade', async (t) => {
  const env = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith('BROKER_')) delete env[name];
  const coordinator = await startCoordinatorProcess({
    args: ['--client-token-secret', 'token secret', '--client-identity-header', 'X-User', '--client-publish-topics-header', 'X-Publish',
      '--client-subscribe-topics-header', 'X-Subscribe'],
    env, stderr: 'ignore',
  });
  t.after(() => coordinator.process.kill());
  const welcome = (headers: Record<string, string>) => new Promise<{ alias: number; token: Uint8Array }>((resolve, reject) => {
    const ws = new WebSocket(`${coordinator.url}/connect`, { headers });
    ws.on('message', (data: Buffer) => {
      const { alias, token } = Welcome.decode(new Uint8Array(data));
      ws.close();
      resolve({ alias, token });
    });
    ws.on('error', reject);
  });
  const tokens = clientTokenAuthenticator('token secret');
  const limited = await welcome({ 'x-user': 'alice', 'x-publish': 'rooms.*, news', 'x-subscribe': 'rooms.*' });
  assert.deepEqual(await tokens.authenticate({ alias: limited.alias, role: Role.CLIENT, body: limited.token }), {
    ok: true, identity: new TextEncoder().encode('alice'), permissions: { publish: ['rooms.*', 'news'], subscribe: ['rooms.*'] },
  });
  const free = await welcome({ 'x-user': 'bob' });
  assert.deepEqual(await tokens.authenticate({ alias: free.alias, role: Role.CLIENT, body: free.token }), {
    ok: true, identity: new TextEncoder().encode('bob'), permissions: undefined,
  });
  assert.equal(await upgradeStatus(`${coordinator.url}/connect`, { 'x-publish': 'x'.repeat(300) }), 401);
});
