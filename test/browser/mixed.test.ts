// Three WebRTC implementations in one topic: a Chromium page, a Node client
// on werift and a Node client on libwebrtc (@roamhq/wrtc), all our
// BrokerClient, spread over two comm servers.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';
import type { RtcFactory, WebSocketConstructor } from '../../client/index.js';
import type { PeerConnectionLike } from '../../shared/rtc.js';
import { startBrowserFixture, untilRouted, type BrowserFixture, type Peer } from './harness.js';

const libwebrtc: RtcFactory = (config) =>
  new wrtc.RTCPeerConnection({ iceServers: config.iceServers }) as unknown as PeerConnectionLike;

describe('Chromium, werift and libwebrtc clients in one topic', () => {
  let fixture: BrowserFixture;
  let peers: Peer[];

  before(async () => {
    fixture = await startBrowserFixture(2);
    const [s0, s1] = fixture.cluster.servers.map((server) => server.alias!);
    peers = [
      await fixture.openPage('chromium', s0),
      await fixture.connectNode('werift', s1),
      await fixture.connectNode('libwebrtc', s1, { rtc: libwebrtc, WebSocket: WebSocket as unknown as WebSocketConstructor }),
    ];
    for (const peer of peers) await peer.subscribe(['mixed']);
    await untilRouted('mixed', peers);
  });

  after(() => fixture?.close());

  test('every client sees every other client\'s messages, on both channels', async () => {
    for (const peer of peers) {
      await peer.publish('mixed', `reliable from ${peer.name}`, true);
      await peer.publish('mixed', `unreliable from ${peer.name}`, false);
    }
    for (const receiver of peers) {
      for (const sender of peers.filter((peer) => peer !== receiver)) {
        for (const reliable of [true, false]) {
          const body = `${reliable ? 'reliable' : 'unreliable'} from ${sender.name}`;
          const message = await receiver.waitFor({ body });
          assert.deepEqual(message, { topic: 'mixed', from: sender.alias, body, reliable }, `${receiver.name} got "${body}"`);
        }
      }
    }
  });

  test('the clients sit on both servers', () => {
    assert.equal(new Set(peers.map((peer) => peer.serverAlias)).size, 2);
  });
});
