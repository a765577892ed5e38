import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectClient, connectServer, peerRemoved, startCoordinator } from './helpers.js';

test('a closed server is neither assigned to clients nor listed to new servers', async (t) => {
  const coordinator = await startCoordinator(t);
  const leaving = await connectServer(coordinator);
  const staying = await connectServer(coordinator);
  assert.deepEqual(staying.welcome.availableServers, [leaving.alias]);

  const removed = peerRemoved(coordinator, leaving.alias);
  await leaving.peer.close();
  await removed;
  assert.deepEqual(coordinator.registry.servers().map((peer) => peer.alias), [staying.alias]);

  const newcomer = await connectServer(coordinator);
  assert.deepEqual(newcomer.welcome.availableServers, [staying.alias]);
  const clients = await Promise.all(Array.from({ length: 20 }, () => connectClient(coordinator)));
  for (const { welcome } of clients) {
    assert.ok(welcome.availableServers.length === 1 && welcome.availableServers[0] !== leaving.alias);
  }
});

test('a server closed by the coordinator side is removed too', async (t) => {
  const coordinator = await startCoordinator(t);
  const server = await connectServer(coordinator);
  const removed = peerRemoved(coordinator, server.alias);
  coordinator.registry.get(server.alias)?.socket.terminate();
  await removed;
  const client = await connectClient(coordinator);
  assert.deepEqual(client.welcome.availableServers, []);
});
