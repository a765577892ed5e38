import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  Connect,
  ConnectionRefused,
  ConnectionRefusedReason,
  MessageType,
  Role,
  WebRtc,
  Welcome,
  encodeJson,
  peekType,
} from '../../shared/codec.js';
import type { Coordinator } from '../../coordinator/index.js';
import { connectClient, connectServer, startCoordinator, type WelcomedPeer } from './helpers.js';

const FORGED_ALIAS = 999;

describe('signaling relay', () => {
  let coordinator: Coordinator;
  let server: WelcomedPeer;
  let client: WelcomedPeer;

  before(async () => {
    coordinator = await startCoordinator(undefined);
    server = await connectServer(coordinator);
    client = await connectClient(coordinator);
  });
  after(() => coordinator.close());

  test('CONNECT reaches to_alias with the real from_alias and the role the sender registered with', async () => {
    client.peer.send(Connect.encode({ type: MessageType.CONNECT, fromAlias: FORGED_ALIAS, toAlias: server.alias, fromRole: Role.COMMUNICATION_SERVER }));
    const frame = await server.peer.nextFrame();
    assert.equal(peekType(frame), MessageType.CONNECT);
    const connect = Connect.decode(frame);
    assert.equal(connect.fromAlias, client.alias);
    assert.equal(connect.toAlias, server.alias);
    assert.equal(connect.fromRole, Role.CLIENT, 'a client came through /connect, whatever it wrote');

    server.peer.send(Connect.encode({ type: MessageType.CONNECT, toAlias: client.alias }));
    assert.equal(Connect.decode(await client.peer.nextFrame()).fromRole, Role.COMMUNICATION_SERVER);
  });

  for (const [name, type, sender, recipient] of [
    ['WEBRTC_OFFER', MessageType.WEBRTC_OFFER, () => server, () => client],
    ['WEBRTC_ANSWER', MessageType.WEBRTC_ANSWER, () => client, () => server],
    ['WEBRTC_ICE_CANDIDATE', MessageType.WEBRTC_ICE_CANDIDATE, () => server, () => client],
  ] as const) {
    test(`${name} reaches to_alias with the real from_alias and its data`, async () => {
      const data = encodeJson({ type: 'offer', sdp: `v=0 ${name}` });
      sender().peer.send(WebRtc.encode({ type, fromAlias: FORGED_ALIAS, toAlias: recipient().alias, data }));
      const frame = await recipient().peer.nextFrame();
      assert.equal(peekType(frame), type);
      const message = WebRtc.decode(frame);
      assert.equal(message.fromAlias, sender().alias);
      assert.equal(message.toAlias, recipient().alias);
      assert.deepEqual(Buffer.from(message.data), Buffer.from(data));
    });
  }

  test('CONNECTION_REFUSED keeps its reason and data', async () => {
    const data = new Uint8Array([1, 2, 3]);
    server.peer.send(ConnectionRefused.encode({
      type: MessageType.CONNECTION_REFUSED,
      fromAlias: FORGED_ALIAS,
      toAlias: client.alias,
      reason: ConnectionRefusedReason.SERVER_FULL,
      data,
    }));
    const message = ConnectionRefused.decode(await client.peer.nextFrame());
    assert.equal(message.type, MessageType.CONNECTION_REFUSED);
    assert.equal(message.fromAlias, server.alias);
    assert.equal(message.reason, ConnectionRefusedReason.SERVER_FULL);
    assert.deepEqual(Buffer.from(message.data), Buffer.from(data));
  });

  test('every relayed type was counted', () => {
    assert.deepEqual(coordinator.stats.relayed, {
      CONNECT: 2, WEBRTC_OFFER: 1, WEBRTC_ANSWER: 1, WEBRTC_ICE_CANDIDATE: 1, CONNECTION_REFUSED: 1,
    });
  });

  test('unknown aliases, garbage, text and unrelayed types are dropped and counted; the sender stays', async () => {
    client.peer.send(Connect.encode({ type: MessageType.CONNECT, toAlias: 424242 }));
    client.peer.send(Connect.encode({ type: MessageType.CONNECT }));
    client.peer.send(new Uint8Array([0x08]));
    client.peer.send(new Uint8Array([0x08, MessageType.WEBRTC_OFFER, 0x22, 0x7f])); // data longer than the frame
    client.peer.send('not binary');
    client.peer.send(Welcome.encode({ type: MessageType.WELCOME, alias: 1 }));
    client.peer.send(new Uint8Array(0));
    client.peer.send(Connect.encode({ type: MessageType.CONNECT, toAlias: server.alias }));

    const connect = Connect.decode(await server.peer.nextFrame());
    assert.equal(connect.fromAlias, client.alias);
    assert.equal(coordinator.stats.droppedUnknownAlias, 2);
    assert.equal(coordinator.stats.droppedUndecodable, 2);
    assert.equal(coordinator.stats.droppedTextFrames, 1);
    assert.equal(coordinator.stats.droppedUnsupportedType, 2);
    assert.equal(coordinator.registry.get(client.alias)?.socket.readyState, client.peer.ws.OPEN);
  });

  test('a message to a peer that has left is dropped', async () => {
    const leaving = await connectClient(coordinator);
    const removed = new Promise((resolve) => coordinator.once('peerRemoved', resolve));
    await leaving.peer.close();
    await removed;
    server.peer.send(WebRtc.encode({ type: MessageType.WEBRTC_OFFER, toAlias: leaving.alias }));
    server.peer.send(Connect.encode({ type: MessageType.CONNECT, toAlias: client.alias }));
    assert.equal(peekType(await client.peer.nextFrame()), MessageType.CONNECT);
    assert.equal(coordinator.stats.droppedUnknownAlias, 3);
  });
});
