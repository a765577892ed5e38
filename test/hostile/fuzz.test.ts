// A seeded, reproducible fuzz run over live endpoints, both servers in their
// own processes: 2,000 random and mutated frames to the coordinator's
// WebSocket (from 20 sockets), 1,000 requests of any method, path, token and
// body to its admin API, 2,000 frames to a comm server's data channels
// (from raw peers, reconnecting whenever the server closes one) and 2,000
// WebSocket frames, any header bits, to its fallback endpoint. Afterwards
// neither process has exited, a bystander pair still exchanges messages and
// a new client is served. Change SEED to explore; a failure names its seed.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { hostileFrame, hostileWebSocketFrame } from './frame-arbitraries.js';
import { startProcessCluster, type ProcessCluster } from './process-cluster.js';
import { RawPeer, RawSocket, T, frames, type Label } from './raw-peer.js';
import { RawWebSocket, binary } from './raw-websocket.js';
import { WireMessage } from '../helpers/protobuf-wire.js';

const SEED = 0xf022;
const FRAMES = 2_000;
const ADMIN_REQUESTS = 1_000;
const ADMIN_TOKEN = 'fuzz-admin-token';
const SOCKETS = 20;
const BATCH = 20;
const FALLBACK_AT_ONCE = 10;
/** Aliases the fallback connections ask for, clear of the coordinator's. */
const FALLBACK_ALIASES = 2_000_000;

let cluster: ProcessCluster | undefined;
let folder: string | undefined;

after(async () => {
  await RawPeer.closeAll();
  await RawWebSocket.closeAll();
  await cluster?.close();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** A request to the admin API as anyone might send it: any method and path, the token or not, a kick, JSON or noise as the body. */
function adminRequest(): fc.Arbitrary<{ method: string; path: string; authorization?: string; body: Uint8Array | string }> {
  const kick = fc.record({
    alias: fc.option(fc.oneof(fc.nat({ max: 2 ** 40 }), fc.double(), fc.string({ maxLength: 8 })), { nil: undefined }),
    identity: fc.option(fc.string({ maxLength: 40 }).map((name) => `fuzz-${name}`), { nil: undefined }),
    banSeconds: fc.option(fc.oneof(fc.integer({ min: -5, max: 100_000 }), fc.double()), { nil: undefined }),
  }).map((fields) => JSON.stringify(fields));
  return fc.record({
    method: fc.oneof({ arbitrary: fc.constant('POST'), weight: 6 }, { arbitrary: fc.constantFrom('GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH'), weight: 1 }),
    path: fc.oneof({ arbitrary: fc.constant('/v1/kick'), weight: 8 }, { arbitrary: fc.constantFrom('/v1/kick/', '/v1/kick?alias=1', '/healthz', '/stats', '/x'), weight: 1 }),
    authorization: fc.oneof(
      { arbitrary: fc.constant(`Bearer ${ADMIN_TOKEN}`), weight: 5 },
      { arbitrary: fc.option(fc.oneof(fc.constantFrom('Bearer', 'Bearer wrong', `Basic ${ADMIN_TOKEN}`), fc.string({ maxLength: 30 }).map((text) => text.replace(/[^\x20-\x7e]/g, ''))), { nil: undefined }), weight: 2 },
    ),
    body: fc.oneof(
      { arbitrary: kick, weight: 5 },
      { arbitrary: fc.json({ maxDepth: 3 }), weight: 2 },
      { arbitrary: fc.uint8Array({ maxLength: 200 }), weight: 2 },
      { arbitrary: fc.constant('x'.repeat(5_000)), weight: 1 },
    ),
  });
}

/** Sends one admin request; resolves with its status, 0 when the connection closed without one. */
function sendAdmin(url: string, { method, path, authorization, body }: { method: string; path: string; authorization?: string; body: Uint8Array | string }): Promise<number> {
  return new Promise((resolve) => {
    // The length is always declared: node sends a GET's body without one, which the server rightly takes for a second, broken request.
    const headers = { 'content-length': String(Buffer.byteLength(body)), ...(authorization === undefined ? {} : { authorization }) };
    const req = request(new URL(path, url), { method, headers }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(10_000, () => req.destroy());
    req.end(body);
  });
}

test('2,000 fuzzed frames to the coordinator, 2,000 to a comm server data channel and 2,000 to its WebSocket fallback crash nothing', { timeout: 120_000 }, async () => {
  folder = await mkdtemp(join(tmpdir(), 'broker-fuzz-'));
  const tokenFile = join(folder, 'admin.token');
  await writeFile(tokenFile, ADMIN_TOKEN);
  cluster = await startProcessCluster(['--connect-timeout-ms', '3000'], ['--http-port', '0', '--admin-token-file', tokenFile]);
  const { coordinator, coordinatorUrl: url, server, serverAlias, bystanders } = cluster;
  const [, operationsUrl] = await coordinator.waitForLine(/^operations endpoint on (\S+)/);
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

  // ---- coordinator admin API: 1,000 requests, 20 at a time ----
  const toAdmin = fc.sample(adminRequest(), { seed: SEED + 4, numRuns: ADMIN_REQUESTS });
  const statuses = new Map<number, number>();
  for (let start = 0; start < ADMIN_REQUESTS; start += BATCH) {
    const answered = await Promise.all(toAdmin.slice(start, start + BATCH).map((one) => sendAdmin(operationsUrl!, one)));
    for (const status of answered) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  console.log(`fuzz (seed ${SEED}): ${ADMIN_REQUESTS} requests to the admin API: ${[...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${count} x ${status}`).join(', ')}`);
  assert.ok([...statuses.keys()].every((status) => [200, 400, 401, 404, 405, 413].includes(status)), `statuses: ${[...statuses.keys()].join(', ')}`);
  const check = await sendAdmin(operationsUrl!, { method: 'POST', path: '/v1/kick', authorization: `Bearer ${ADMIN_TOKEN}`, body: '{"alias":1}' });
  assert.equal(check, 404, 'a kick of an unknown alias is still answered');
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
