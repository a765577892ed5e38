import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Role } from '../../shared/codec.js';
import type { UpgradeAuthenticator } from '../../shared/auth.js';
import { notFoundHandler } from '../../coordinator/index.js';
import { TestPeer, connectClient, connectServer, refusedUpgradeStatus, startCoordinator } from './helpers.js';

test('unknown paths and roles are refused with 400', async (t) => {
  const coordinator = await startCoordinator(t);
  for (const path of ['/', '/nope', '/connect/extra', '/discover', '/discover?role=CLIENT', '/discover?role=1',
    '/discover?role=UNKNOWN_ROLE', '/discover?role=communication_server']) {
    assert.equal(await refusedUpgradeStatus(coordinator, path), 400, path);
  }
  assert.equal(coordinator.stats.refusedUpgrades.badRequest, 8);
  assert.equal(coordinator.registry.all().length, 0);
});

test('the upgrade authenticator sees role, query and headers; a refusal is a 401', async (t) => {
  const seen: { role: Role; token: string | null; host: string | undefined }[] = [];
  const upgradeAuthenticator: UpgradeAuthenticator = {
    async authenticate({ role, url, headers }) {
      seen.push({ role, token: url.searchParams.get('token'), host: headers.host });
      return url.searchParams.get('token') === 'good';
    },
  };
  const coordinator = await startCoordinator(t, { upgradeAuthenticator });
  assert.equal(await refusedUpgradeStatus(coordinator, '/connect?token=bad'), 401);
  assert.equal(await refusedUpgradeStatus(coordinator, '/discover?role=COMMUNICATION_SERVER'), 401);
  const client = await connectClient(coordinator, { query: { token: 'good' } });
  const server = await connectServer(coordinator, { role: 'COMMUNICATION_SERVER_HUB', query: { token: 'good' } });
  assert.ok(client.alias > 0 && server.alias > 0);
  assert.deepEqual(seen.map(({ role, token }) => ({ role, token })), [
    { role: Role.CLIENT, token: 'bad' },
    { role: Role.COMMUNICATION_SERVER, token: null },
    { role: Role.CLIENT, token: 'good' },
    { role: Role.COMMUNICATION_SERVER_HUB, token: 'good' },
  ]);
  assert.equal(seen[0].host, `127.0.0.1:${coordinator.port}`);
  assert.equal(coordinator.stats.refusedUpgrades.unauthorized, 2);
});

test('an authenticator that throws refuses with 401 and the coordinator carries on', async (t) => {
  const coordinator = await startCoordinator(t, {
    upgradeAuthenticator: { authenticate: () => { throw new Error('backend down'); } },
  });
  assert.equal(await refusedUpgradeStatus(coordinator, '/connect'), 401);
  assert.equal(await refusedUpgradeStatus(coordinator, '/connect'), 401);
});

test('plain HTTP requests get 404 by default', async (t) => {
  const coordinator = await startCoordinator(t);
  const response = await fetch(`http://127.0.0.1:${coordinator.port}/connect`);
  assert.equal(response.status, 404);
  await response.arrayBuffer();
});

test('an httpHandler serves plain HTTP and sees the coordinator', async (t) => {
  const coordinator = await startCoordinator(t, {
    httpHandler: (request, response, self) => {
      if (request.url === '/healthz') response.writeHead(200).end(`servers=${self.registry.serverCount}`);
      else if (request.url === '/boom') throw new Error('handler bug');
      else notFoundHandler(request, response);
    },
  });
  await connectServer(coordinator);
  const base = `http://127.0.0.1:${coordinator.port}`;
  const healthz = await fetch(`${base}/healthz`);
  assert.equal(healthz.status, 200);
  assert.equal(await healthz.text(), 'servers=1');
  const other = await fetch(`${base}/metricz`);
  assert.equal(other.status, 404);
  await other.arrayBuffer();
  const boom = await fetch(`${base}/boom`);
  assert.equal(boom.status, 500);
  await boom.arrayBuffer();
});

test('close does not wait for an upgrade stuck in authentication', async (t) => {
  let authenticating!: () => void;
  const called = new Promise<void>((resolve) => { authenticating = resolve; });
  const coordinator = await startCoordinator(t, {
    upgradeAuthenticator: {
      authenticate: () => {
        authenticating();
        return new Promise<boolean>(() => {});
      },
    },
  });
  const peer = new TestPeer(`${coordinator.url}/connect`);
  await called;
  await coordinator.close();
  assert.equal((await peer.closed).code, 1006);
});
