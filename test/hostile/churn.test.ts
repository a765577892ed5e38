// Churn: clients connect and leave continuously, in waves, against a comm
// server, some politely (our client library) and some abruptly (a raw peer
// that drops its peer connection and socket without a word). Meanwhile a
// bystander pair keeps talking. At the end every count is back at its
// baseline: the server's peers and routed topics, the coordinator's clients,
// and this process's open file descriptors, handles and timers.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { BrokerClient } from '../../client/index.js';
import { Bystanders, loopbackWerift, startHostileCluster, type HostileCluster } from './helpers.js';
import { RawPeer, frames } from './raw-peer.js';

const WAVES = 60;
const WAVE = 10;

let cluster: HostileCluster | undefined;

after(async () => {
  await RawPeer.closeAll();
  await cluster?.close();
});

// libwebrtc (the raw peers' @roamhq/wrtc) frees a closed peer connection's
// threads, pipes and eventfds when the JavaScript object is collected.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

interface Counts { peers: number; topics: number; clients: number; fds: number; handles: number; timers: number }

function counts(c: HostileCluster): Counts {
  const resources = process.getActiveResourcesInfo();
  return {
    peers: c.server.peers.size,
    topics: c.server.topicCount,
    clients: c.coordinator.registry.clientCount,
    fds: readdirSync('/proc/self/fd').length,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    handles: (process as any)._getActiveHandles().length as number,
    timers: resources.filter((name) => name === 'Timeout').length,
  };
}

/** Resolves when the server and the coordinator have let go of everyone but the baseline. */
async function settled(c: HostileCluster, baseline: Counts): Promise<void> {
  while (c.server.peers.size > baseline.peers) await once(c.server, 'peerClosed');
  while (c.coordinator.registry.clientCount > baseline.clients) await once(c.coordinator, 'peerRemoved');
}

/**
 * Sockets and timers are released asynchronously after the peers are gone
 * (UDP sockets close on the next turns of the event loop); there is no event
 * for "no more file descriptors", so this samples until the counts are back or
 * the deadline passes, and returns the last sample.
 */
async function resourcesBack(c: HostileCluster, baseline: Counts, deadlineMs = 10_000): Promise<Counts> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    collectGarbage();
    const now = counts(c);
    const back = now.fds <= baseline.fds && now.handles <= baseline.handles && now.timers <= baseline.timers;
    if (back || Date.now() > end) return now;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test('clients connecting and leaving in waves leave no peers, topics, registrations, sockets or timers behind', { timeout: 90_000 }, async () => {
  cluster = await startHostileCluster({ connectTimeoutMs: 5_000 });
  const c = cluster;
  const bystanders = await Bystanders.start(c, 'churn-bystanders');
  // One full wave first, so lazily created module state (werift, libwebrtc threads) is in the baseline.
  await wave(c, 0);
  await settled(c, { peers: 2, topics: 1, clients: 2, fds: 0, handles: 0, timers: 0 });
  await resourcesBack(c, { peers: 2, topics: 1, clients: 2, fds: 0, handles: 0, timers: 0 }, 2_000);
  const baseline = counts(c);
  assert.deepEqual({ peers: baseline.peers, topics: baseline.topics, clients: baseline.clients }, { peers: 2, topics: 1, clients: 2 });

  const started = Date.now();
  let joined = 0;
  for (let n = 1; n <= WAVES; n++) {
    joined += await wave(c, n);
    await bystanders.exchange();
  }

  await settled(c, baseline);
  const after = await resourcesBack(c, baseline);
  console.log(`churn: ${WAVES} waves, ${joined} clients in ${((Date.now() - started) / 1000).toFixed(1)} s; baseline ${JSON.stringify(baseline)}, after ${JSON.stringify(after)}`);
  assert.equal(after.peers, baseline.peers, 'comm server peers');
  assert.equal(after.topics, baseline.topics, 'routed topics');
  assert.equal(after.clients, baseline.clients, 'coordinator clients');
  assert.ok(after.fds <= baseline.fds, `file descriptors: ${after.fds} after, ${baseline.fds} before`);
  assert.ok(after.handles <= baseline.handles, `handles: ${after.handles} after, ${baseline.handles} before`);
  assert.ok(after.timers <= baseline.timers, `timers: ${after.timers} after, ${baseline.timers} before`);
  await bystanders.exchange();
});

/**
 * One wave: WAVE clients join at once (most through the library, every third
 * one raw), subscribe to their own and shared topics, publish, and leave:
 * library clients with close(), raw ones by dropping everything.
 */
async function wave(c: HostileCluster, n: number): Promise<number> {
  const joins = Array.from({ length: WAVE }, async (_, i) => {
    const topics = [`wave-${n}-${i}`, `shared-${i % 3}`];
    if (i % 3 === 2) {
      const raw = await RawPeer.authenticated(c.coordinator.url);
      raw.send('reliable', frames.subscription(topics.join(' ')));
      raw.send('reliable', frames.topic('shared-0', 'raw hello'));
      await raw.roundTrip();
      return raw;
    }
    const client: BrokerClient = await c.connect({ rtc: loopbackWerift, reconnect: { enabled: false } });
    client.subscribe(topics);
    client.publish('shared-1', 'hello');
    await client.ping();
    return client;
  });
  const members = await Promise.all(joins);
  for (const member of members) {
    if (member instanceof RawPeer) await member.close();
    else member.close();
  }
  return members.length;
}
