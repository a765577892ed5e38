// What a client library user sees when a connection cannot be made.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { test } from 'node:test';
import WebSocket from 'ws';
import { BrokerClient, BrokerClientError, type BrokerClientOptions } from '../../client/index.js';
import { Coordinator } from '../../coordinator/index.js';
import { Connect, MessageType, Welcome } from '../../shared/codec.js';
import { silentLogger } from '../../shared/log.js';
import { startCluster } from '../helpers/cluster.js';

async function connectError(promise: Promise<BrokerClient>): Promise<BrokerClientError> {
  const error = await promise.then((client) => {
    client.close();
    return undefined;
  }, (caught: unknown) => caught);
  assert.ok(error instanceof BrokerClientError, `expected a BrokerClientError, got ${String(error)}`);
  return error;
}

test('an unreachable coordinator is COORDINATOR_UNREACHABLE', async () => {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  const error = await connectError(BrokerClient.connect({ coordinatorUrl: `ws://127.0.0.1:${port}` }));
  assert.equal(error.code, 'COORDINATOR_UNREACHABLE');
});

test('a refused upgrade is COORDINATOR_REFUSED; no registered server is NO_SERVER', async () => {
  const coordinator = await Coordinator.start({
    port: 0, logger: silentLogger(), upgradeAuthenticator: { authenticate: ({ url }) => url.searchParams.get('token') === 'ok' },
  });
  try {
    assert.equal((await connectError(BrokerClient.connect({ coordinatorUrl: coordinator.url }))).code, 'COORDINATOR_REFUSED');
    const noServer = await connectError(BrokerClient.connect({ coordinatorUrl: coordinator.url, auth: { query: { token: 'ok' } } }));
    assert.equal(noServer.code, 'NO_SERVER');
  } finally {
    await coordinator.close();
  }
});

test('the first connection is tried again while no comm server is there yet', async () => {
  const cluster = await startCluster({ servers: 0 });
  try {
    const failures: string[] = [];
    let serverStarted: Promise<unknown> | undefined;
    const client = await cluster.connect({
      connectAttempts: 20,
      reconnect: { minDelayMs: 20, maxDelayMs: 200 },
      onConnectAttemptFailed: ({ error }) => {
        failures.push(error.code);
        serverStarted ??= cluster.addServer();
      },
    });
    await serverStarted;
    assert.equal(client.serverAlias, cluster.servers[0]!.alias);
    assert.ok(failures.length >= 1 && failures.every((code) => code === 'NO_SERVER'), `failed attempts: ${failures.join(', ')}`);
  } finally {
    await cluster.close();
  }
});

test('refused credentials are not tried again; connectAttempts: 1 does not retry', async () => {
  const coordinator = await Coordinator.start({
    port: 0, logger: silentLogger(), upgradeAuthenticator: { authenticate: ({ url }) => url.searchParams.get('token') === 'ok' },
  });
  try {
    const retried: string[] = [];
    const onConnectAttemptFailed = ({ error }: { error: BrokerClientError }) => retried.push(error.code);
    const refused = await connectError(BrokerClient.connect({ coordinatorUrl: coordinator.url, connectAttempts: 5, onConnectAttemptFailed }));
    assert.equal(refused.code, 'COORDINATOR_REFUSED');
    const noServer = await connectError(BrokerClient.connect({
      coordinatorUrl: coordinator.url, auth: { query: { token: 'ok' } }, connectAttempts: 1, onConnectAttemptFailed,
    }));
    assert.equal(noServer.code, 'NO_SERVER');
    assert.deepEqual(retried, []);
  } finally {
    await coordinator.close();
  }
});

test('a full comm server refuses with SERVER_FULL', async () => {
  const cluster = await startCluster({ servers: 1, serverOptions: { limits: { maxPeers: 1 } } });
  try {
    await cluster.connect();
    assert.equal((await connectError(cluster.connect())).code, 'SERVER_FULL');
  } finally {
    await cluster.close();
  }
});

test('a refused AUTH is AUTH_FAILED, and the comm server forgets the peer', async () => {
  const cluster = await startCluster({
    servers: 1,
    serverOptions: { peerAuthenticator: { authenticate: ({ body }) => (new TextDecoder().decode(body) === 'secret' ? { ok: true, identity: body } : { ok: false, reason: 'bad secret' }) } },
  });
  try {
    const [server] = cluster.servers;
    const closed = once(server, 'peerClosed');
    assert.equal((await connectError(cluster.connect({ auth: { body: 'wrong' } }))).code, 'AUTH_FAILED');
    assert.equal((await closed)[1], 'auth-failed');
    const admitted = await cluster.connect({ auth: { body: 'secret' } });
    assert.equal(admitted.serverAlias, server.alias);
  } finally {
    await cluster.close();
  }
});

test('a peer that never completes set-up is closed after connectTimeoutMs', async () => {
  const cluster = await startCluster({ servers: 1, serverOptions: { limits: { connectTimeoutMs: 300 } } });
  const socket = new WebSocket(new URL('/connect', cluster.coordinator.url));
  try {
    const [server] = cluster.servers;
    const [welcomeFrame] = await once(socket, 'message') as [Buffer];
    const welcome = Welcome.decode(welcomeFrame);
    // CONNECT, then ignore the offer: the server's peer must not live forever.
    socket.send(Connect.encode({ type: MessageType.CONNECT, toAlias: welcome.availableServers[0] }));
    const [peer, reason] = await once(server, 'peerClosed');
    assert.equal(peer.alias, welcome.alias);
    assert.equal(reason, 'connect-timeout');
    assert.equal(server.peers.size, 0);
  } finally {
    socket.close();
    await cluster.close();
  }
});

test('a client whose connect times out gets TIMEOUT', async () => {
  const coordinator = await Coordinator.start({ port: 0, logger: silentLogger() });
  // A "server" that registers and never answers CONNECT.
  const mute = new WebSocket(new URL('/discover?role=COMMUNICATION_SERVER', coordinator.url));
  try {
    await once(mute, 'message');
    const error = await connectError(BrokerClient.connect({ coordinatorUrl: coordinator.url, connectTimeoutMs: 300 }));
    assert.equal(error.code, 'TIMEOUT');
  } finally {
    mute.close();
    await coordinator.close();
  }
});

test('an unknown transport is a TypeError naming the choices', async () => {
  // The browser demo passes `?transport=` from its URL straight through.
  const options = { coordinatorUrl: 'ws://127.0.0.1:1', transport: 'udp' } as unknown as BrokerClientOptions;
  await assert.rejects(BrokerClient.connect(options), { name: 'TypeError', message: 'transport must be auto, webrtc, websocket or left out, not "udp"' });
});
