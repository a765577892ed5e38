import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Connect, MessageType, WebRtc } from '../../shared/codec.js';
import { connectClient, connectServer, peerRemoved, startCoordinator } from './helpers.js';

test('an oversize frame closes that socket with 1009; the others keep working', async (t) => {
  const coordinator = await startCoordinator(t, { limits: { maxFrameBytes: 1000 } });
  const server = await connectServer(coordinator);
  const offender = await connectClient(coordinator);
  const bystander = await connectClient(coordinator);

  const removed = peerRemoved(coordinator, offender.alias);
  offender.peer.send(new Uint8Array(1001));
  assert.equal((await offender.peer.closed).code, 1009);
  await removed;

  bystander.peer.send(Connect.encode({ type: MessageType.CONNECT, toAlias: server.alias }));
  assert.equal(Connect.decode(await server.peer.nextFrame()).fromAlias, bystander.alias);
});

test('a frame of exactly maxFrameBytes is relayed', async (t) => {
  const coordinator = await startCoordinator(t, { limits: { maxFrameBytes: 1000 } });
  const server = await connectServer(coordinator);
  const client = await connectClient(coordinator);
  const offerOfSize = (dataBytes: number) =>
    WebRtc.encode({ type: MessageType.WEBRTC_OFFER, toAlias: server.alias, data: new Uint8Array(dataBytes) });
  const overhead = offerOfSize(200).length - 200;
  const frame = offerOfSize(1000 - overhead);
  assert.equal(frame.length, 1000);
  client.peer.send(frame);
  const offer = WebRtc.decode(await server.peer.nextFrame());
  assert.equal(offer.fromAlias, client.alias);
  assert.equal(offer.data.length, 1000 - overhead);
});
