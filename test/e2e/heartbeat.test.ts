// The client's heartbeat costs the server nothing while the server is
// talking to it: a client PINGs only after an interval without a word from
// its comm server, and an idle one still does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MessageType } from '../../shared/codec.js';
import type { CommServer } from '../../commserver/index.js';
import { startCluster } from '../helpers/cluster.js';
import { Inbox, isProbe, publishPaced, untilRouted } from '../helpers/messages.js';

const pingsReceived = (server: CommServer) => server.stats.messagesIn.reliable[MessageType.PING]!;

test('a client that hears from its comm server sends no heartbeat PING; a client that hears nothing does', { timeout: 60_000 }, async (t) => {
  const cluster = await startCluster({ servers: 1, closedAfter: t });
  const [server] = cluster.servers as [CommServer];
  const heartbeat = { heartbeatIntervalMs: 100, heartbeatTimeoutMs: 5_000 };
  const a = await cluster.connect(heartbeat);
  const b = await cluster.connect(heartbeat);
  const inboxes = [new Inbox(a), new Inbox(b)];
  for (const client of [a, b]) client.subscribe('chatter');
  await untilRouted('chatter', [a, b], [{ client: a, inbox: inboxes[0]! }, { client: b, inbox: inboxes[1]! }]);

  // Both publish every 20 ms for a second, so each hears from the server every few heartbeat intervals' worth of ticks.
  const before = pingsReceived(server);
  const bodies = Array.from({ length: 50 }, (_, i) => `m${i}`);
  publishPaced(t, a, 'chatter', bodies, 20);
  publishPaced(t, b, 'chatter', bodies, 20);
  await Promise.all(inboxes.map((inbox) => inbox.until((messages) => messages.filter((m) => !isProbe(m)).length >= bodies.length)));
  const duringTraffic = pingsReceived(server) - before;
  // One PING each at most: a tick that fell in the quiet moment before the first message.
  assert.ok(duringTraffic <= 2, `${duringTraffic} PINGs while the server was talking to both clients for a second`);

  // Quiet: each client PINGs within an interval or two of hearing nothing, and the echo keeps it connected.
  const quietFrom = pingsReceived(server);
  await new Promise<void>((resolve, reject) => {
    const deadline = Date.now() + 5_000;
    const check = setInterval(() => {
      if (pingsReceived(server) - quietFrom >= 6) resolve();
      else if (Date.now() > deadline) reject(new Error(`${pingsReceived(server) - quietFrom} PINGs from two quiet clients in 5 s`));
      else return;
      clearInterval(check);
    }, 50);
  });
  assert.equal(server.peers.size, 2, 'both clients still connected');
});
