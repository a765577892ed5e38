// A comm server process killed with SIGKILL: the coordinator forgets it, the
// other servers drop its interest, and a server started later joins the mesh.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, test } from 'node:test';
import type { CommServer, Peer } from '../../commserver/index.js';
import { serversLinked, startCommServerProcess, type BrokerProcess } from '../../shared/processes.js';
import { connectTo, startCluster, type TestCluster } from '../helpers/cluster.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';

let cluster: TestCluster;
const processes: BrokerProcess[] = [];

after(async () => {
  await Promise.all(processes.map((process) => process.kill()));
  await cluster?.close();
});

/** The link from an in-process server to the server with `alias`. */
function linkTo(server: CommServer, alias: number): Peer | undefined {
  return server.linkedServers().find((peer) => peer.alias === alias);
}

test('a SIGKILLed comm server leaves the coordinator and the mesh; a new one joins', async () => {
  cluster = await startCluster({ servers: 2, serverOptions: { limits: { serverTimeoutMs: 2_000, serverPingIntervalMs: 250 } } });
  const [server0, server1] = cluster.servers;
  const coordinatorUrl = cluster.coordinator.url;

  const victim = await startCommServerProcess({ coordinatorUrl, stderr: 'ignore' });
  processes.push(victim.process);
  await serversLinked(victim.process, 2);
  await Promise.all([server0, server1].map(async (server) => {
    while (!linkTo(server, victim.alias)) await once(server, 'peerAuthenticated');
  }));

  // The victim's client must not re-home during this test: it would bring its topics back.
  const [onVictim] = await connectTo(cluster, [victim.alias], { reconnect: { enabled: false } });
  const [onServer0] = await connectTo(cluster, [server0.alias!]);
  assert.equal(onVictim.serverAlias, victim.alias);
  const inbox0 = new Inbox(onServer0);
  const inboxVictim = new Inbox(onVictim);
  onVictim.subscribe(['k', 'victim-only']);
  onServer0.subscribe('k');
  await untilRouted('k', [onVictim, onServer0], [{ client: onVictim, inbox: inboxVictim }, { client: onServer0, inbox: inbox0 }]);
  assert.deepEqual([...server1.topicsOf(linkTo(server1, victim.alias)!)].sort(), ['k', 'victim-only']);
  assert.equal(server1.topicCount, 2, 'server 1 routes k (servers 0 and victim) and victim-only');

  const removed = new Promise<void>((resolve) => cluster.coordinator.on('peerRemoved', (peer) => peer.alias === victim.alias && resolve()));
  const dropped = [server0, server1].map((server) => new Promise<void>((resolve) => {
    server.on('peerClosed', (peer) => peer.alias === victim.alias && resolve());
  }));
  await victim.process.kill();

  await removed;
  assert.ok(!cluster.coordinator.registry.servers().some((peer) => peer.alias === victim.alias));
  await Promise.all(dropped);
  assert.equal(linkTo(server1, victim.alias), undefined);
  assert.equal(server1.topicCount, 1, "server 1 dropped the victim's topics and routes k to server 0 only");
  assert.equal(server0.topicCount, 1, "server 0 dropped the victim's topics and keeps its own client's k");

  const newcomer = await startCommServerProcess({ coordinatorUrl, stderr: 'ignore' });
  processes.push(newcomer.process);
  await serversLinked(newcomer.process, 2);
  const [onNewcomer] = await connectTo(cluster, [newcomer.alias]);
  assert.equal(onNewcomer.serverAlias, newcomer.alias);
  const inboxNew = new Inbox(onNewcomer);
  onNewcomer.subscribe('k');
  await untilRouted('k', [onNewcomer, onServer0], [{ client: onNewcomer, inbox: inboxNew }, { client: onServer0, inbox: inbox0 }]);
  onServer0.publish('k', 'to the newcomer');
  onNewcomer.publish('k', 'from the newcomer');
  await inboxNew.until((messages) => messages.some((m) => bodyText(m) === 'to the newcomer'));
  await inbox0.until((messages) => messages.some((m) => bodyText(m) === 'from the newcomer' && m.from === onNewcomer.alias));
});
