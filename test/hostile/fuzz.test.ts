// A seeded, reproducible fuzz run over live endpoints, both servers in their
// own processes: 2,000 random and mutated frames to the coordinator's
// WebSocket (from 20 sockets), 2,000 to a comm server's data channels
// (from raw peers, reconnecting whenever the server closes one) and 2,000
// WebSocket frames, any header bits, to its fallback endpoint. Afterwards
// neither process has exited, a bystander pair still exchanges messages and
// a new client is served. Change SEED to explore; a failure names its seed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { hostileFrame, hostileWebSocketFrame } from './frame-arbitraries.js';
import { startProcessCluster, type ProcessCluster } from './process-cluster.js';
import { RawPeer, RawSocket, T, frames, type Label } from './raw-peer.js';
import { RawWebSocket, binary } from './raw-websocket.js';
import { WireMessage } from '../helpers/protobuf-wire.js';

const SEED = 0xf022;
const FRAMES = 2_000;
const SOCKETS = 20;
const BATCH = 20;
const FALLBACK_AT_ONCE = 10;
/** Aliases the fallback connections ask for, clear of the coordinator's. */
const FALLBACK_ALIASES = 2_000_000;

let cluster: ProcessCluster | undefined;

after(async () => {
  await RawPeer.closeAll();
  await RawWebSocket.closeAll();
  await cluster?.close();
});

test('2,000 fuzzed frames to the coordinator, 2,000 to a comm server data channel and 2,000 to its WebSocket fallback crash nothing', { timeout: 120_000 }, async () => {
  cluster = await startProcessCluster(['--connect-timeout-ms', '3000']);
  const { coordinator, coordinatorUrl: url, server, serverAlias, bystanders } = cluster;
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

  // ---- comm server WebSocket fallback: 100 connections of 20 frames, 10 at a time, half of them after AUTH ----
  const listening = await server.log({ msg: 'WebSocket fallback endpoint listening' });
  const fallbackPort = Number(new URL(String(listening.url)).port);
  const toFallback = fc.sample(hostileWebSocketFrame([bystanders.a.alias, bystanders.b.alias]), rng(3));
  const outcomes = { served: 0, closed: 0, stalled: 0 };
  const fallbackConnection = async (start: number): Promise<void> => {
    const raw = await RawWebSocket.upgrade(fallbackPort, FALLBACK_ALIASES + start);
    if ((start / BATCH) % 2 === 0) raw.write(binary(frames.auth()));
    for (const frame of toFallback.slice(start, start + BATCH)) raw.write(frame);
    raw.write(binary(frames.ping(start + 0.5)));
    outcomes[await raw.outcome(start + 0.5)]++;
    await raw.close();
  };
  for (let group = 0; group < FRAMES; group += BATCH * FALLBACK_AT_ONCE) {
    await Promise.all(Array.from({ length: FALLBACK_AT_ONCE }, (_, i) => fallbackConnection(group + i * BATCH)));
  }
  console.log(`fuzz (seed ${SEED}): ${FRAMES} frames to the WebSocket fallback: ${outcomes.served} connections served, ${outcomes.closed} closed by the server, ${outcomes.stalled} waiting for bytes a frame announced`);
  for (let start = 0; start < FRAMES; start += BATCH) {
    assert.ok(server.logs({ msg: 'closing the peer', alias: FALLBACK_ALIASES + start }).length <= 1, 'a close is logged once');
  }

  assert.equal(coordinator.child.exitCode, null, 'the coordinator is running');
  assert.equal(server.process.exitCode, null, 'the comm server is running');
  assert.equal(server.logs({ level: 60 }).length, 0, 'no fatal log line');
  await bystanders.exchange();
  const newcomer = await RawPeer.authenticated(url);
  await newcomer.close();
});
