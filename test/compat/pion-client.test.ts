// The original's Go clients (pion) on the wire, as observed in the shared
// research (PION-CLIENTS.md), against an in-process coordinator and comm
// server: every ICE candidate with `sdpMid: ""` and `sdpMLineIndex: 0`, a
// publishing loop on `unreliable` that does not wait for AUTH, and AUTH as
// the bytes 08 08 10 01 (role CLIENT, empty body, no extension). Our client
// meets the same candidates from the original's comm server, so its side
// of the negotiation is checked with them too.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import type { RTCDataChannel, RTCIceCandidate } from '#werift';
import { Negotiation } from '../../shared/negotiation.js';
import type { IceCandidateInit } from '../../shared/rtc.js';
import { createLoopbackPeerConnection, loopbackWerift } from '../helpers/loopback.js';
import { Inbox, bodyText } from '../helpers/messages.js';
import { startHostileCluster, type HostileCluster } from '../hostile/helpers.js';
import { RawPeer, frames } from '../hostile/raw-peer.js';
import { untilTrue } from '../helpers/until-true.js';

/** AUTH as a pion bot writes it: type AUTH, role CLIENT, nothing else. */
const PION_AUTH = Uint8Array.of(0x08, 0x08, 0x10, 0x01);

describe('an original Go (pion) client against our comm server', () => {
  let cluster: HostileCluster;

  before(async () => {
    cluster = await startHostileCluster({ connectTimeoutMs: 5_000 });
  });

  after(async () => {
    await RawPeer.closeAll();
    await cluster?.close();
  });

  test('connects with candidates whose sdpMid is empty', async () => {
    const raw = await RawPeer.connect(cluster.coordinator.url, { candidates: 'pion' });
    try {
      raw.send('reliable', PION_AUTH);
      await raw.roundTrip();
      const peer = cluster.server.peers.get(raw.alias);
      assert.ok(peer?.authenticated, 'admitted');
      assert.equal(peer.negotiation.droppedCandidates, 0);
      assert.equal(cluster.server.stats.closed['signaling-error'] ?? 0, 0, 'no candidate was rejected');
    } finally {
      await raw.close();
    }
  });

  test('TOPICs on unreliable before its AUTH are dropped and counted, then it is served on both channels', async () => {
    const subscriber = await cluster.connect({ rtc: loopbackWerift });
    const inbox = new Inbox(subscriber);
    subscriber.subscribe('positions');
    await subscriber.ping();
    const raw = await RawPeer.connect(cluster.coordinator.url, { candidates: 'pion' });
    try {
      const before = cluster.server.stats.beforeAuth;
      for (let i = 0; i < 5; i++) raw.send('unreliable', frames.topic('positions', `early ${i}`));
      await admittedAfterEarlyFrames(cluster, raw, inbox, before + 5);
    } finally {
      subscriber.close();
      await raw.close();
    }
  });

  test('its unreliable opens first and is published on before reliable opens and AUTH is sent: dropped and counted, then it is served', async () => {
    const subscriber = await cluster.connect({ rtc: loopbackWerift });
    const inbox = new Inbox(subscriber);
    subscriber.subscribe('positions');
    await subscriber.ping();
    const before = cluster.server.stats.beforeAuth;
    const raw = await RawPeer.connect(cluster.coordinator.url, {
      candidates: 'pion',
      unreliableFirst: async (peer) => {
        for (let i = 0; i < 5; i++) peer.send('unreliable', frames.topic('positions', `early ${i}`));
        assert.equal(peer.has('reliable'), false, 'reliable is not open yet');
        await untilTrue(() => cluster.server.stats.beforeAuth === before + 5, 'the early frames reached the server');
      },
    });
    try {
      await admittedAfterEarlyFrames(cluster, raw, inbox, before + 5);
    } finally {
      subscriber.close();
      await raw.close();
    }
  });
});

/**
 * After 5 early TOPICs on unreliable: AUTH as a pion bot sends it admits the
 * peer, the early frames were counted (`beforeAuth` reached `counted`) and
 * never relayed, and what it publishes now reaches the subscriber.
 */
async function admittedAfterEarlyFrames(cluster: HostileCluster, raw: RawPeer, inbox: Inbox, counted: number): Promise<void> {
  raw.send('reliable', PION_AUTH);
  await raw.roundTrip();
  assert.equal(cluster.server.stats.beforeAuth, counted, 'each early frame counted');
  assert.ok(cluster.server.peers.get(raw.alias)?.authenticated, 'not closed for them');

  raw.send('unreliable', frames.topic('positions', 'after auth'));
  await inbox.until((messages) => messages.some((m) => bodyText(m) === 'after auth'));
  assert.equal(inbox.messages.find((m) => bodyText(m) === 'after auth')?.from, raw.alias);
  assert.deepEqual(inbox.messages.filter((m) => bodyText(m).startsWith('early')), [], 'nothing sent before admission was relayed');
}

/** A data channel offered by a werift peer connection standing in for the original's comm server. */
async function offerWithCandidates(): Promise<{ offerer: ReturnType<typeof createLoopbackPeerConnection>; offer: { type: 'offer'; sdp: string }; candidates: IceCandidateInit[] }> {
  const offerer = createLoopbackPeerConnection();
  offerer.createDataChannel('reliable');
  const candidates: IceCandidateInit[] = [];
  const gathered = new Promise<void>((resolve) => {
    offerer.onicecandidate = ({ candidate }: { candidate?: RTCIceCandidate }) => {
      if (candidate?.candidate) candidates.push(candidate.toJSON());
      else resolve();
    };
  });
  await offerer.setLocalDescription(await offerer.createOffer());
  await gathered;
  return { offerer, offer: { type: 'offer', sdp: offerer.localDescription!.sdp }, candidates };
}

describe("our negotiation meets the original comm server's candidates", () => {
  const forms: Array<[string, (candidate: string) => IceCandidateInit]> = [
    ['an empty sdpMid and line index 0 (pion)', (candidate) => ({ candidate, sdpMid: '', sdpMLineIndex: 0, usernameFragment: null })],
    ['an unknown sdpMid and line index 0', (candidate) => ({ candidate, sdpMid: 'data', sdpMLineIndex: 0 })],
    ['neither sdpMid nor a line index, one media section', (candidate) => ({ candidate, sdpMid: null, sdpMLineIndex: null })],
  ];
  for (const [name, form] of forms) {
    test(`candidates with ${name} are accepted and the connection comes up`, async () => {
      const { offerer, offer, candidates } = await offerWithCandidates();
      const answerer = loopbackWerift({ iceServers: [] });
      const channel = new Promise<RTCDataChannel>((resolve) => {
        answerer.ondatachannel = ({ channel: opened }) => resolve(opened as unknown as RTCDataChannel);
      });
      const negotiation = new Negotiation(answerer, {
        sendDescription: (description) => void offerer.setRemoteDescription(description as { type: 'answer'; sdp: string }),
        sendCandidate: (candidate) => void offerer.addIceCandidate(candidate as { candidate: string }),
      }, { maxPendingCandidates: 64, dropMdnsCandidates: false });
      try {
        await negotiation.acceptOffer(offer);
        await Promise.all(candidates.map((candidate) => negotiation.addRemoteCandidate(form(candidate.candidate!))));
        const dc = await channel;
        if (dc.readyState !== 'open') await once(dc as unknown as NodeJS.EventEmitter, 'open');
        assert.equal(dc.label, 'reliable');
      } finally {
        answerer.close();
        await offerer.close();
      }
    });
  }
});
