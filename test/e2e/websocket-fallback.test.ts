// A client that cannot establish WebRTC falls back to its comm server's
// WebSocket endpoint and exchanges messages with WebRTC clients as usual.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PeerConnectionLike, RtcFactory } from '../../shared/rtc.js';
import { RTCPeerConnection } from 'werift';
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
