import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Role } from '../../shared/codec.js';
import { AliasAllocator, type Coordinator, type PeerInfo } from '../../coordinator/index.js';
import { connectClient, connectServer, sorted, startCoordinator, type WelcomedPeer } from './helpers.js';

describe('WELCOME', () => {
  let coordinator: Coordinator;
  const peers: WelcomedPeer[] = [];
  const registered: PeerInfo[] = [];

  before(async () => {
    coordinator = await startCoordinator(undefined);
    coordinator.on('peerRegistered', (peer) => registered.push(peer));
  });
  after(async () => {
    await coordinator.close();
  });

  async function server(role?: string) {
    const peer = await connectServer(coordinator, { role });
    peers.push(peer);
    return peer;
  }

  test('a client gets an empty list while no server is registered', async () => {
    const client = await connectClient(coordinator);
    peers.push(client);
    assert.deepEqual(client.welcome.availableServers, []);
  });

  test('each server is told to connect to every other server (full mesh)', async () => {
    const first = await server();
    const second = await server();
    const third = await server();
    assert.deepEqual(first.welcome.availableServers, []);
    assert.deepEqual(second.welcome.availableServers, [first.alias]);
    assert.deepEqual(sorted(third.welcome.availableServers), sorted([first.alias, second.alias]));
  });

  test('a client gets exactly one registered server, chosen at random', async () => {
    const servers = new Set(coordinator.registry.servers().map((peer) => peer.alias));
    assert.equal(servers.size, 3);
    const clients = await Promise.all(Array.from({ length: 60 }, () => connectClient(coordinator)));
    peers.push(...clients);
    const picked = new Set<number>();
    for (const { welcome } of clients) {
      assert.equal(welcome.availableServers.length, 1);
      assert.ok(servers.has(welcome.availableServers[0]));
      picked.add(welcome.availableServers[0]);
    }
    assert.deepEqual(sorted([...picked]), sorted([...servers]));
  });

  test('the role of /discover may be given by number', async () => {
    const plain = await server(String(Role.COMMUNICATION_SERVER));
    const hub = await server(String(Role.COMMUNICATION_SERVER_HUB));
    assert.equal(coordinator.registry.get(plain.alias)?.role, Role.COMMUNICATION_SERVER);
    assert.equal(coordinator.registry.get(hub.alias)?.role, Role.COMMUNICATION_SERVER_HUB);
  });

  test('aliases are unique safe integers, each announced by peerRegistered', () => {
    const aliases = peers.map((peer) => peer.alias);
    assert.equal(new Set(aliases).size, aliases.length);
    for (const alias of aliases) {
      assert.ok(Number.isSafeInteger(alias) && alias > 0, `alias ${alias}`);
    }
    assert.deepEqual(sorted(registered.map((peer) => peer.alias)), sorted(aliases));
    assert.equal(coordinator.registry.clientCount, 61);
    assert.equal(coordinator.registry.serverCount, 5);
  });

  test('closing the coordinator closes every peer with 1001', async () => {
    await coordinator.close();
    for (const { peer } of peers) assert.equal((await peer.closed).code, 1001);
    assert.equal(coordinator.registry.all().length, 0);
  });
});

test('an injected allocator decides the aliases', async (t) => {
  const coordinator = await startCoordinator(t, { aliasAllocator: new AliasAllocator(Number.MAX_SAFE_INTEGER - 1) });
  const server = await connectServer(coordinator);
  const client = await connectClient(coordinator);
  assert.equal(server.alias, Number.MAX_SAFE_INTEGER - 1);
  assert.equal(client.alias, Number.MAX_SAFE_INTEGER);
  assert.deepEqual(client.welcome.availableServers, [Number.MAX_SAFE_INTEGER - 1]);
});

test('close is idempotent', async (t) => {
  const coordinator = await startCoordinator(t);
  const first = coordinator.close();
  assert.equal(coordinator.close(), first);
  await first;
});

test('close terminates a peer that never completes the closing handshake', async (t) => {
  const coordinator = await startCoordinator(t, { shutdownGraceMs: 100 });
  const socket = await rawUpgrade(coordinator.port, '/connect');
  const ended = new Promise((resolve) => socket.once('close', resolve));
  await coordinator.close();
  await ended;
  assert.equal(coordinator.registry.all().length, 0);
});

/** A TCP socket that completes the WebSocket handshake and then ignores every frame, close frames included. */
function rawUpgrade(port: number, path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n`
        + `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
    });
    socket.once('data', (data) => {
      if (data.toString().startsWith('HTTP/1.1 101')) resolve(socket);
      else reject(new Error(`upgrade refused: ${data.toString()}`));
    });
    socket.on('error', reject);
  });
}
