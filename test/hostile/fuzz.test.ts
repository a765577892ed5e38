// A seeded, reproducible fuzz run over live endpoints, both servers in their
// own processes: 2,000 random and mutated frames to the coordinator's
// WebSocket (from 20 sockets) and 2,000 to a comm server's data channels
// (from raw peers, reconnecting whenever the server closes one). Afterwards
// neither process has exited, a bystander pair still exchanges messages and
// a new client is served. Change SEED to explore; a failure names its seed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BrokerClient } from '../../client/index.js';
import { startCoordinatorProcess, type BrokerProcess } from '../../cli/processes.js';
import type { TestCluster } from '../helpers/cluster.js';
import { Child } from './child.js';
import { hostileFrame } from './frame-arbitraries.js';
import { Bystanders } from './helpers.js';
import { RawPeer, RawSocket, T, frames, type Label } from './raw-peer.js';
import { WireMessage } from '../helpers/protobuf-wire.js';

const SEED = 0xf022;
const FRAMES = 2_000;
const SOCKETS = 20;
const BATCH = 20;

let coordinator: BrokerProcess | undefined;
const clients: BrokerClient[] = [];

after(async () => {
  for (const client of clients) client.close();
  await RawPeer.closeAll();
  await Child.killAll();
  await coordinator?.kill();
});

/** Enough of a TestCluster for Bystanders: clients of a coordinator given by URL. */
function clusterAt(url: string): TestCluster {
  return {
    nextClientServer: undefined,
    connect: async (options) => {
      const client = await BrokerClient.connect({ coordinatorUrl: url, ...options });
      clients.push(client);
      return client;
    },
  } as TestCluster;
}

test('2,000 fuzzed frames to the coordinator and 2,000 to a comm server data channel crash nothing', { timeout: 120_000 }, async () => {
  const started = await startCoordinatorProcess({ stderr: 'ignore' });
  coordinator = started.process;
  const url = started.url;
  const server = Child.commServer(url, ['--connect-timeout-ms', '3000']);
  const [, serverAliasText] = await server.stdout(/^comm server registered as alias (\d+)/);
  const serverAlias = Number(serverAliasText);
  const bystanders = await Bystanders.start(clusterAt(url), 'bystanders');
  const rng = (n: number) => ({ seed: SEED + n, numRuns: FRAMES });

  // ---- coordinator WebSocket: 20 sockets, 100 frames each (under the signaling burst) ----
  const sockets = await Promise.all(Array.from({ length: SOCKETS }, () => RawSocket.connect(url)));
  const known = [serverAlias, bystanders.a.alias, bystanders.b.alias, ...sockets.map((s) => s.alias)];
  const toCoordinator = fc.sample(fc.oneof(
    { arbitrary: hostileFrame(known, 0.2), weight: 960 },
    { arbitrary: fc.string({ maxLength: 40 }), weight: 30 },
    { arbitrary: fc.constant(new Uint8Array(20_000)), weight: 2 },
  ), rng(1));
  toCoordinator.forEach((frame, i) => {
    const socket = sockets[i % SOCKETS]!;
    if (socket.isOpen) socket.send(frame);
  });
  // Every socket that was not closed for an oversize frame is still relayed: a CONNECT to itself comes back.
  let closedOversize = 0;
  for (const socket of sockets) {
    try {
      socket.send(frames.connect(socket.alias, socket.alias));
      for (;;) {
        const got = new WireMessage(await socket.frames.next());
        if (got.uint(1) === T.CONNECT && got.uint(2) === socket.alias && got.uint(3) === socket.alias) break;
      }
    } catch {
      assert.equal(await socket.closed, 1009, 'only an oversize frame closes a coordinator socket');
      closedOversize++;
    }
  }
  await Promise.all(sockets.map((socket) => socket.close()));
  await bystanders.exchange();

  // ---- comm server data channels: batches of 20 from an authenticated raw peer, then a PING round trip ----
  const toServer = fc.sample(fc.tuple(hostileFrame([bystanders.a.alias, bystanders.b.alias], 0.05), fc.boolean()), rng(2));
  let peer = await RawPeer.authenticated(url);
  let reconnects = 0;
  for (let start = 0; start < FRAMES; start += BATCH) {
    try {
      for (const [frame, reliable] of toServer.slice(start, start + BATCH)) peer.send((reliable ? 'reliable' : 'unreliable') as Label, frame);
      await peer.roundTrip(start, 5_000);
    } catch {
      // The server closed this peer for what it sent (or its channel closed under us): take a new one.
      await peer.close();
      peer = await RawPeer.authenticated(url);
      reconnects++;
    }
  }
  await peer.close();
  console.log(`fuzz (seed ${SEED}): ${FRAMES} frames to the coordinator (${closedOversize} sockets closed for oversize frames), ${FRAMES} to the comm server (${reconnects} peers closed by it)`);

  assert.equal(coordinator.child.exitCode, null, 'the coordinator is running');
  assert.equal(server.process.exitCode, null, 'the comm server is running');
  assert.equal(server.logs({ level: 60 }).length, 0, 'no fatal log line');
  await bystanders.exchange();
  const newcomer = await RawPeer.authenticated(url);
  await newcomer.close();
});
