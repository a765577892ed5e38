// Star topology: plain servers link only to the HUB, which relays between them.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { BrokerClient } from '../../client/index.js';
import { connectTo, startCluster, type TestCluster } from '../helpers/cluster.js';
import { Inbox, bodyText, isProbe, untilRouted } from '../helpers/messages.js';

let cluster: TestCluster;
let clients: BrokerClient[];
let inboxes: Inbox[];

before(async () => {
  cluster = await startCluster({ servers: 3, topology: 'star' });
  clients = await connectTo(cluster, cluster.servers.filter((server) => !server.isHub).map((server) => server.alias!));
  inboxes = clients.map((client) => new Inbox(client));
});

after(() => cluster.close());

test('servers link only to the hub; clients never get the hub', () => {
  const [hub, ...plain] = cluster.servers;
  assert.equal(hub.isHub, true);
  assert.equal(hub.linkedServers().length, 3);
  for (const server of plain) assert.equal(server.linkedServers().length, 1);
  for (const client of clients) assert.notEqual(client.serverAlias, hub.alias);
  assert.deepEqual(new Set(clients.map((client) => client.serverAlias)).size, 3);
});

test('messages reach clients on every server through the hub, once each', async () => {
  for (const client of clients) client.subscribe('room');
  await untilRouted('room', clients, clients.map((client, i) => ({ client, inbox: inboxes[i] })));
  for (const [i, client] of clients.entries()) client.publish('room', `hello from ${i}`);
  const real = (i: number) => inboxes[i].messages.filter((m) => !isProbe(m));
  await Promise.all(clients.map((_, i) => inboxes[i].until(() => real(i).length >= 2)));
  for (const [i] of clients.entries()) {
    const expected = [0, 1, 2].filter((j) => j !== i).map((j) => `hello from ${j}`);
    assert.deepEqual(real(i).map(bodyText).sort(), expected);
  }
  // Nothing more arrives: a last round trip through the hub after the burst brings only itself.
  clients[0].publish('room', 'last');
  await Promise.all([1, 2].map((i) => inboxes[i].until(() => real(i).some((m) => bodyText(m) === 'last'))));
  for (const i of [1, 2]) assert.equal(real(i).length, 3);
});
