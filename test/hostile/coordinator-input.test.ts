// Hostile or broken input on the coordinator's WebSocket, and signaling that
// the coordinator relays to a comm server: undecodable frames, unknown and
// misplaced types, text and oversize frames, forged from_alias, bad SDP and
// ICE JSON, a CONNECT storm. Each response is bounded and counted, and a
// bystander pair of real clients keeps exchanging messages afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { WireMessage, bytesField, message, varintField } from '../helpers/protobuf-wire.js';
import { Bystanders, closeReason, startHostileCluster, type HostileCluster } from './helpers.js';
import { RawPeer, RawSocket, T, frames } from './raw-peer.js';
import { RawWebSocket, upgradeRequest } from './raw-websocket.js';
import { startCluster } from '../helpers/cluster.js';

let cluster: HostileCluster;
let bystanders: Bystanders;

before(async () => {
  cluster = await startHostileCluster({ connectTimeoutMs: 3_000, maxPeers: 24 });
  bystanders = await Bystanders.start(cluster);
});

after(async () => {
  await RawPeer.closeAll();
  await cluster?.close();
});

const stats = () => cluster.coordinator.stats;
const closed = (reason: string): number => cluster.server.stats.closed[reason as 'signaling-error'] ?? 0;

/** The next frame on `socket` of one of `types`, skipping the others (bounded by the queue's timeout). */
async function nextOfType(socket: RawSocket, ...types: number[]): Promise<WireMessage> {
  for (;;) {
    const frame = new WireMessage(await socket.frames.next());
    if (types.includes(frame.uint(1))) return frame;
  }
}

/** Relays a CONNECT from `from` to `to` and back: proves both sockets are still registered and relayed. */
async function stillRelayed(from: RawSocket, to: RawSocket): Promise<void> {
  from.send(frames.connect(from.alias, to.alias));
  const got = await nextOfType(to, T.CONNECT);
  assert.equal(got.uint(2), from.alias);
}

describe('hostile input to the coordinator', () => {
  test('undecodable frames are dropped and counted; the socket stays', async () => {
    const [a, b] = await Promise.all([RawSocket.connect(cluster.coordinator.url), RawSocket.connect(cluster.coordinator.url)]);
    const before = stats().droppedUndecodable;
    a.send(Uint8Array.from([0xff, 0xff, 0xff]));
    a.send(Uint8Array.from([0x08, T.CONNECT, 0x10])); // a CONNECT cut inside from_alias
    a.send(Uint8Array.from([0x08, T.WEBRTC_OFFER, 0x22, 0x7f])); // data runs past the end
    await stillRelayed(a, b);
    assert.equal(stats().droppedUndecodable, before + 3);
    assert.ok(cluster.coordinator.registry.get(a.alias));
    await Promise.all([a.close(), b.close()]);
    await bystanders.exchange();
  });

  test('unknown types and types peers may not send to the coordinator are dropped and counted', async () => {
    const [a, b] = await Promise.all([RawSocket.connect(cluster.coordinator.url), RawSocket.connect(cluster.coordinator.url)]);
    const before = stats().droppedUnsupportedType;
    const misplaced = [
      message(varintField(1, 99)),
      message(varintField(1, 0)),
      message(varintField(1, T.WELCOME), varintField(2, 1), varintField(3, b.alias)),
      frames.ping(1),
      frames.auth(),
      frames.subscription('a b'),
      frames.topic('t', 'x', b.alias),
      message(varintField(1, T.TOPIC_FW), varintField(2, b.alias), bytesField(3, 'x')),
      message(varintField(1, T.ERROR)),
      // KICK goes from the coordinator to servers only, KICKED from servers to it: a client's are neither relayed nor obeyed.
      message(varintField(1, T.KICK), varintField(2, 1), varintField(3, b.alias), varintField(5, 60_000)),
      message(varintField(1, T.KICKED), varintField(2, 1), varintField(3, 1)),
    ];
    for (const frame of misplaced) a.send(frame);
    await stillRelayed(a, b);
    assert.equal(stats().droppedUnsupportedType, before + misplaced.length);
    assert.equal(b.frames.drain().length, 0, 'nothing else reached b');
    await Promise.all([a.close(), b.close()]);
    await bystanders.exchange();
  });

  test('text frames are dropped and counted', async () => {
    const [a, b] = await Promise.all([RawSocket.connect(cluster.coordinator.url), RawSocket.connect(cluster.coordinator.url)]);
    const before = stats().droppedTextFrames;
    a.send('{"type":"CONNECT"}');
    a.send('');
    await stillRelayed(a, b);
    assert.equal(stats().droppedTextFrames, before + 2);
    await Promise.all([a.close(), b.close()]);
  });

  test('an oversize frame closes that socket with 1009 and unregisters it', async () => {
    const a = await RawSocket.connect(cluster.coordinator.url);
    const removed = new Promise<void>((resolve) => {
      const onRemoved = (peer: { alias: number }) => {
        if (peer.alias !== a.alias) return;
        cluster.coordinator.off('peerRemoved', onRemoved);
        resolve();
      };
      cluster.coordinator.on('peerRemoved', onRemoved);
    });
    const oversizeBefore = cluster.coordinator.stats.droppedOversize;
    a.send(new Uint8Array(cluster.coordinator.limits.maxFrameBytes + 1));
    assert.equal(await a.closed, 1009);
    await removed;
    assert.equal(cluster.coordinator.stats.droppedOversize, oversizeBefore + 1, 'counted');
    assert.equal(cluster.coordinator.registry.get(a.alias), undefined);
    await bystanders.exchange();
  });

  test('a forged from_alias is overwritten with the sender’s real alias', async () => {
    const [a, b, c] = await Promise.all([1, 2, 3].map(() => RawSocket.connect(cluster.coordinator.url)));
    a.send(frames.connect(b.alias, c.alias));
    assert.equal((await nextOfType(c, T.CONNECT)).uint(2), a.alias);
    a.send(frames.webRtc(T.WEBRTC_OFFER, cluster.server.alias!, c.alias, '{"type":"offer","sdp":"forged"}'));
    const offer = await nextOfType(c, T.WEBRTC_OFFER);
    assert.equal(offer.uint(2), a.alias, 'a client cannot speak as the comm server');
    a.send(message(varintField(1, T.CONNECTION_REFUSED), varintField(2, cluster.server.alias!), varintField(3, c.alias), varintField(4, 1)));
    assert.equal((await nextOfType(c, T.CONNECTION_REFUSED)).uint(2), a.alias);
    // A CONNECT to the comm server in a bystander's name: the server offers to the real sender, not the bystander.
    a.send(frames.connect(bystanders.a.alias, cluster.server.alias!));
    const toA = await nextOfType(a, T.WEBRTC_OFFER);
    assert.equal(toA.uint(2), cluster.server.alias);
    assert.equal(toA.uint(3), a.alias);
    assert.ok(cluster.server.peers.has(a.alias));
    await Promise.all([a, b, c].map((socket) => socket.close()));
    await bystanders.exchange();
  });

  test('a message to an unknown alias is dropped and counted', async () => {
    const a = await RawSocket.connect(cluster.coordinator.url);
    const before = stats().droppedUnknownAlias;
    a.send(frames.connect(a.alias, 0));
    a.send(frames.connect(a.alias, Number.MAX_SAFE_INTEGER));
    a.send(frames.webRtc(T.WEBRTC_ICE_CANDIDATE, a.alias, 12345, '{}'));
    const b = await RawSocket.connect(cluster.coordinator.url);
    await stillRelayed(a, b);
    assert.equal(stats().droppedUnknownAlias, before + 3);
    await Promise.all([a.close(), b.close()]);
  });
});

describe('bad SDP and ICE JSON relayed to a comm server', () => {
  /** A raw socket that sent CONNECT to the comm server and received its offer. */
  async function offered(): Promise<RawSocket> {
    const socket = await RawSocket.connect(cluster.coordinator.url);
    socket.send(frames.connect(socket.alias, cluster.server.alias!));
    await nextOfType(socket, T.WEBRTC_OFFER);
    return socket;
  }

  const bad: Array<[string, number, string]> = [
    ['an answer that is not JSON', T.WEBRTC_ANSWER, '{"type":"answer","sdp":'],
    ['an answer without sdp', T.WEBRTC_ANSWER, '{"type":"answer"}'],
    ['an answer whose SDP is garbage', T.WEBRTC_ANSWER, '{"type":"answer","sdp":"v=0\\r\\nthis is not sdp\\r\\n"}'],
    ['an answer whose SDP has no data-channel section', T.WEBRTC_ANSWER, '{"type":"answer","sdp":"v=0\\r\\no=- 1 1 IN IP4 127.0.0.1\\r\\ns=-\\r\\nt=0 0\\r\\n"}'],
    ['an offer sent to the offering side', T.WEBRTC_OFFER, '{"type":"offer","sdp":"v=0\\r\\n"}'],
    ['JSON null', T.WEBRTC_ANSWER, 'null'],
    ['a candidate that is not JSON', T.WEBRTC_ICE_CANDIDATE, 'candidate:1 1 udp'],
    ['a candidate of the wrong shape', T.WEBRTC_ICE_CANDIDATE, '{"candidate":42}'],
    ['a candidate that is a JSON string', T.WEBRTC_ICE_CANDIDATE, '"candidate"'],
  ];
  for (const [name, type, data] of bad) {
    test(`${name} closes that peer (signaling-error)`, async () => {
      const socket = await offered();
      const before = closed('signaling-error');
      const reason = closeReason(cluster.server, socket.alias);
      socket.send(frames.webRtc(type, socket.alias, cluster.server.alias!, data));
      assert.equal(await reason, 'signaling-error');
      assert.equal(closed('signaling-error'), before + 1);
      const logged = cluster.log.about(socket.alias).find((line) => line.msg === 'signaling failed, closing the peer');
      assert.ok(logged, 'logged');
      await socket.close();
      await bystanders.exchange();
    });
  }

  test('garbage candidates before the answer are held within the bound; the peer times out', async () => {
    const socket = await offered();
    const reason = closeReason(cluster.server, socket.alias, 10_000);
    const garbage = JSON.stringify({ candidate: 'candidate:x 1 udp 1 999.999.999.999 0 typ host', sdpMid: '0', sdpMLineIndex: 0 });
    // 150: under the coordinator's signaling burst, so they all reach the server.
    for (let i = 0; i < 150; i++) socket.send(frames.webRtc(T.WEBRTC_ICE_CANDIDATE, socket.alias, cluster.server.alias!, garbage));
    await stillRelayedTo(socket);
    const peer = cluster.server.peers.get(socket.alias);
    assert.ok(peer, 'the peer waits for its answer');
    assert.ok(peer.negotiation.droppedCandidates >= 150 - cluster.server.limits.maxPendingCandidates, 'extra candidates dropped');
    assert.equal(await reason, 'connect-timeout');
    await socket.close();
    await bystanders.exchange();
  });

  test('signaling from an alias the server has no peer for changes nothing', async () => {
    const socket = await RawSocket.connect(cluster.coordinator.url);
    socket.send(frames.webRtc(T.WEBRTC_ANSWER, socket.alias, cluster.server.alias!, '{"type":"answer","sdp":"v=0"}'));
    socket.send(frames.webRtc(T.WEBRTC_ICE_CANDIDATE, socket.alias, cluster.server.alias!, '{"candidate":""}'));
    await stillRelayedTo(socket);
    assert.equal(cluster.server.peers.has(socket.alias), false, 'no peer was made for it');
    await socket.close();
  });

  /**
   * Everything `socket` sent before has reached the server: the coordinator
   * relays one socket's frames in order (a CONNECT to itself comes back after
   * them), and the server reads its coordinator link in order (a fresh
   * socket's CONNECT, sent after that, is answered after them).
   */
  async function stillRelayedTo(socket: RawSocket): Promise<void> {
    socket.send(frames.connect(socket.alias, socket.alias));
    await nextOfType(socket, T.CONNECT);
    const probe = await offered();
    await probe.close();
  }
});

describe('a CONNECT storm against a comm server', () => {
  test('200 CONNECTs from one socket make one peer; 200 sockets are bounded by maxPeers and the connect timeout', { timeout: 60_000 }, async () => {
    const { server } = cluster;
    const maxPeers = server.limits.maxPeers;
    // Peers left by earlier tests (sockets that never answered) leave at their connect timeout.
    while (server.peers.size > 2) await once(server, 'peerClosed');
    const baseline = server.peers.size;
    const rssBefore = process.memoryUsage().rss;

    // One socket, 200 CONNECTs: the coordinator stamps its alias on every one, so the server sees one peer.
    const one = await RawSocket.connect(cluster.coordinator.url);
    for (let i = 0; i < 200; i++) one.send(frames.connect(one.alias, server.alias!));
    await nextOfType(one, T.WEBRTC_OFFER);
    const probe = await RawSocket.connect(cluster.coordinator.url);
    probe.send(frames.connect(probe.alias, server.alias!));
    await nextOfType(probe, T.WEBRTC_OFFER);
    assert.equal(server.peers.size, baseline + 2, 'one peer for 200 CONNECTs from one socket, one for the probe');

    // 200 sockets, one CONNECT each: up to maxPeers get an offer, the rest CONNECTION_REFUSED{SERVER_FULL}.
    const refusedBefore = server.stats.refusedFull;
    const timeoutsBefore = closed('connect-timeout');
    const storm = await Promise.all(Array.from({ length: 200 }, () => RawSocket.connect(cluster.coordinator.url)));
    for (const socket of storm) socket.send(frames.connect(socket.alias, server.alias!));
    const answers = await Promise.all(storm.map((socket) => nextOfType(socket, T.WEBRTC_OFFER, T.CONNECTION_REFUSED)));
    const refused = answers.filter((frame) => frame.uint(1) === T.CONNECTION_REFUSED);
    for (const frame of refused) assert.equal(frame.uint(4), 1, 'SERVER_FULL');
    const offeredCount = answers.length - refused.length;
    assert.equal(offeredCount, maxPeers - baseline - 2, 'exactly the free places were offered');
    assert.equal(server.stats.refusedFull - refusedBefore, refused.length);
    assert.ok(server.peers.size <= maxPeers, `${server.peers.size} peers over maxPeers ${maxPeers}`);

    // The bystanders, connected before, keep talking while the server is full.
    await bystanders.exchange();

    // Nobody answers: the connect timeout frees every place.
    while (server.peers.size > baseline) await once(server, 'peerClosed');
    assert.equal(closed('connect-timeout') - timeoutsBefore, offeredCount + 2);
    const grown = process.memoryUsage().rss - rssBefore;
    assert.ok(grown < 150 * 1024 * 1024, `RSS grew by ${Math.round(grown / 1048576)} MiB during the storm`);

    await Promise.all([one, probe, ...storm].map((socket) => socket.close()));
    // A new client is served once the storm has passed.
    const newcomer = await RawPeer.authenticated(cluster.coordinator.url);
    await newcomer.close();
    await bystanders.exchange();
  });
});

test('a banned client that never answers the coordinator\'s close frame is dropped after --ws-close-timeout-ms', async (t) => {
  const identified = { authenticate: () => true, identify: () => new TextEncoder().encode('mallory') };
  const own = await startCluster({
    servers: 0, coordinatorOptions: { limits: { wsCloseTimeoutMs: 500 }, upgradeAuthenticator: identified }, closedAfter: t,
  });
  await own.coordinator.moderation.kick({ identity: new TextEncoder().encode('mallory'), banMs: 60_000 });
  const raw = await RawWebSocket.tcp(Number(new URL(own.coordinator.url).port));
  raw.write(upgradeRequest('/connect'));
  assert.equal(new WireMessage(await raw.messages.next()).uint(1), T.CONNECTION_REFUSED);
  // ws alone would hold the socket for 30 s, waiting for an answer that never comes.
  const heldTooLong = new Promise<'held'>((resolve) => setTimeout(resolve, 10_000, 'held').unref());
  assert.equal(await Promise.race([raw.closed.then(() => 'dropped' as const), heldTooLong]), 'dropped');
  assert.equal(raw.closeCode, 1008);
});
