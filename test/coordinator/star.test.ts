import assert from 'node:assert/strict';
import { test } from 'node:test';
import { starSelector } from '../../coordinator/index.js';
import { connectClient, connectServer, sorted, startCoordinator } from './helpers.js';

test('star policy: servers link only to the hub, clients never get it', async (t) => {
  const coordinator = await startCoordinator(t, { selector: starSelector() });
  const early = await connectServer(coordinator);
  assert.deepEqual(early.welcome.availableServers, [], 'no hub yet: an early server links to nobody');

  const hub = await connectServer(coordinator, { role: 'COMMUNICATION_SERVER_HUB' });
  assert.deepEqual(hub.welcome.availableServers, [early.alias], 'a late hub links to the servers already there');

  const late = await connectServer(coordinator);
  assert.deepEqual(late.welcome.availableServers, [hub.alias]);

  const clients = await Promise.all(Array.from({ length: 30 }, () => connectClient(coordinator)));
  const picked = new Set(clients.map(({ welcome }) => {
    assert.equal(welcome.availableServers.length, 1);
    return welcome.availableServers[0];
  }));
  assert.deepEqual(sorted([...picked]), sorted([early.alias, late.alias]));
});

test('star policy: with only a hub registered a client gets no server', async (t) => {
  const coordinator = await startCoordinator(t, { selector: starSelector() });
  const hub = await connectServer(coordinator, { role: 'COMMUNICATION_SERVER_HUB' });
  assert.deepEqual(hub.welcome.availableServers, []);
  const client = await connectClient(coordinator);
  assert.deepEqual(client.welcome.availableServers, []);
});
