// A client that cannot establish WebRTC falls back to its comm server's
// WebSocket endpoint and exchanges messages with WebRTC clients as usual.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DataChannelLike, PeerConnectionLike, RtcFactory } from '../../shared/rtc.js';
import { weriftFactory } from '../../shared/rtc-werift.js';
import { allowAllPeers, type PeerAuthenticator } from '../../shared/auth.js';
import { setTimeout as delay } from 'node:timers/promises';
import WebSocket from 'ws';
import type { WebSocketConstructor } from '../../client/index.js';
import { MessageType, WebRtc, encodeJson } from '../../shared/codec.js';
import { RTCPeerConnection } from '#werift';
import { connectTo, startCluster } from '../helpers/cluster.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';

/** WebRTC made impossible, as behind a firewall that drops UDP: ICE may try no candidate pair at all. */
const blockedRtc: RtcFactory = (config) =>
  new RTCPeerConnection({ iceServers: config.iceServers, iceUseIpv6: false, iceFilterCandidatePair: () => false }) as unknown as PeerConnectionLike;

test('with WebRTC blocked, a client falls back to WebSocket and exchanges messages with the others', { timeout: 30_000 }, async (t) => {
  const cluster = await startCluster({ servers: 2 });
  t.after(() => cluster.close());
  const [first, second] = cluster.servers;
  const [onWebRtc] = await connectTo(cluster, [first.alias!]);
  const [blocked] = await connectTo(cluster, [second.alias!], { rtc: blockedRtc, transport: 'auto', webrtcTimeoutMs: 500, auth: { body: 'walled' } });
  assert.equal(blocked.transport, 'websocket');
  assert.equal(onWebRtc.transport, 'webrtc');

  const clients = [onWebRtc, blocked];
  const inboxes = clients.map((client) => new Inbox(client));
  for (const client of clients) client.subscribe('mixed');
  await untilRouted('mixed', clients, clients.map((client, i) => ({ client, inbox: inboxes[i] })));

  onWebRtc.publish('mixed', 'to the walled client', { reliable: false });
  blocked.publish('mixed', 'from the walled client');
  blocked.publishWithIdentity('mixed', 'signed');
  await inboxes[1].until((messages) => messages.some((m) => bodyText(m) === 'to the walled client'));
  await inboxes[0].until((messages) => messages.some((m) => bodyText(m) === 'signed'));
  const received = inboxes[0].messages.find((m) => bodyText(m) === 'from the walled client')!;
  assert.equal(received.from, blocked.alias);
  assert.equal(new TextDecoder().decode(inboxes[0].messages.find((m) => bodyText(m) === 'signed')!.identity), 'walled');
  assert.ok(await blocked.ping() > 0);
  const peer = second.peers.get(blocked.alias)!;
  assert.equal(peer.authenticated, true);
});

test('transport: websocket forces the fallback', { timeout: 30_000 }, async (t) => {
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  const [forced, other] = await Promise.all([cluster.connect({ transport: 'websocket' }), cluster.connect()]);
  assert.equal(forced.transport, 'websocket');
  const inbox = new Inbox(forced);
  forced.subscribe('t');
  await forced.ping();
  other.publish('t', 'over the socket');
  await inbox.until((messages) => messages.some((m) => bodyText(m) === 'over the socket'));
});

test("a client waiting for its turn at a busy server stays on WebRTC: the fallback clock starts at the server's offer", { timeout: 30_000 }, async (t) => {
  // One set-up at a time, and a blocked client holding that place for 2 s.
  let setUps = 0;
  let firstSetUpStarted!: () => void;
  const started = new Promise<void>((resolve) => (firstSetUpStarted = resolve));
  const countingRtc: RtcFactory = (config) => {
    if (++setUps === 1) firstSetUpStarted();
    return weriftFactory(config);
  };
  const cluster = await startCluster({ servers: 0 });
  t.after(() => cluster.close());
  await cluster.addServer({ rtc: countingRtc, limits: { maxPendingSetups: 1, setupSlotMs: 2_000 } });
  const holder = cluster.connect({ rtc: blockedRtc, connectAttempts: 1, connectTimeoutMs: 4_000 }).then(
    () => assert.fail('the blocked client connected'),
    (error: Error) => error,
  );
  await started;
  const waited = performance.now();
  const client = await cluster.connect({ transport: 'auto', webrtcTimeoutMs: 1_500 });
  assert.ok(performance.now() - waited > 1_500, 'the client waited longer than webrtcTimeoutMs for its turn');
  assert.equal(client.transport, 'webrtc');
  assert.equal(setUps, 2);
  await holder;
});

test('once the peer connection is up, a slow rest of the set-up (here AUTH) stays on WebRTC', { timeout: 30_000 }, async (t) => {
  const slowAuth: PeerAuthenticator = {
    async authenticate(auth) {
      await delay(1_500); // an authentication backend slower than webrtcTimeoutMs
      return allowAllPeers.authenticate(auth);
    },
  };
  const cluster = await startCluster({ servers: 1, serverOptions: { peerAuthenticator: slowAuth } });
  t.after(() => cluster.close());
  const client = await cluster.connect({ transport: 'auto', webrtcTimeoutMs: 500 });
  assert.equal(client.transport, 'webrtc');
});

test("signaling for a client's abandoned peer connection does not close it on the WebSocket endpoint", { timeout: 30_000 }, async (t) => {
  // What a client that falls back while its answer and candidates are still
  // on their way through the coordinator looks like to the server.
  const sockets: WebSocket[] = [];
  class RecordingWebSocket extends WebSocket {
    constructor(url: string) {
      super(url);
      sockets.push(this);
    }
  }
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  const [server] = cluster.servers;
  const client = await cluster.connect({ transport: 'websocket', WebSocket: RecordingWebSocket as unknown as WebSocketConstructor, reconnect: { enabled: false } });
  const toCoordinator = sockets.find((socket) => socket.url.startsWith(cluster.coordinator.url))!;
  const peer = server.peers.get(client.alias)!;
  assert.equal(peer.transport, 'websocket');
  const ignoredBefore = server.stats.ignored;
  const late = (type: MessageType, data: unknown) =>
    toCoordinator.send(WebRtc.encode({ type, fromAlias: client.alias, toAlias: server.alias!, data: encodeJson(data) }));
  late(MessageType.WEBRTC_ANSWER, { type: 'answer', sdp: 'v=0\r\n' });
  late(MessageType.WEBRTC_ICE_CANDIDATE, { candidate: 'candidate:1 1 udp 2113937151 127.0.0.1 50000 typ host', sdpMid: '0' });
  while (server.stats.ignored < ignoredBefore + 2 && !peer.closed) await delay(10);
  assert.equal(peer.closed, false);
  assert.ok(await client.ping() > 0);
});

test('channels the abandoned peer connection announces after the fallback are not used', { timeout: 30_000 }, async (t) => {
  // A runtime that reports no connection state changes, and announces the
  // peer connection's channels only once the client has fallen back and the
  // server accepted its AUTH on the WebSocket.
  type ChannelEvent = { channel: DataChannelLike };
  let announceLate = () => {};
  const lateChannelsRtc: RtcFactory = (config) => {
    const pc = weriftFactory(config);
    const held: ChannelEvent[] = [];
    let handler: ((event: ChannelEvent) => void) | null = null;
    Object.defineProperty(pc, 'ondatachannel', {
      get: () => (event: ChannelEvent) => held.push(event),
      set: (value: typeof handler) => (handler = value),
    });
    Object.defineProperty(pc, 'onconnectionstatechange', { get: () => null, set: () => undefined });
    announceLate = () => {
      for (const event of held.splice(0)) handler?.(event);
    };
    return pc;
  };
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  cluster.servers[0].on('peerAuthenticated', () => announceLate());
  const client = await cluster.connect({ rtc: lateChannelsRtc, transport: 'auto', webrtcTimeoutMs: 1_000, pingTimeoutMs: 2_000, reconnect: { enabled: false } });
  assert.equal(client.transport, 'websocket');
  assert.ok(await client.ping() > 0);
});

test('a negotiation step that fails on the connection abandoned by the fallback does not end the session', { timeout: 30_000 }, async (t) => {
  // As libwebrtc does: a step still pending when the connection is closed rejects.
  const closedMidStepRtc: RtcFactory = (config) => {
    const pc = weriftFactory(config);
    let closed!: () => void;
    const whenClosed = new Promise<void>((resolve) => (closed = resolve));
    const close = pc.close.bind(pc);
    pc.close = () => {
      closed();
      return close();
    };
    pc.setRemoteDescription = async () => {
      await whenClosed;
      throw new Error('Failed to set remote offer sdp: RTCPeerConnection is closed.');
    };
    return pc;
  };
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  const client = await cluster.connect({ rtc: closedMidStepRtc, transport: 'auto', webrtcTimeoutMs: 300, connectAttempts: 1 });
  assert.equal(client.transport, 'websocket');
  assert.ok(await client.ping() > 0);
});
