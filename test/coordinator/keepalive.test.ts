import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Connect, MessageType } from '../../shared/codec.js';
import { connectClient, connectServer, peerRemoved, startCoordinator } from './helpers.js';

const limits = { pingIntervalMs: 50, idleTimeoutMs: 200 };

test('a peer that does not answer pings is dropped; one that answers stays', async (t) => {
  const coordinator = await startCoordinator(t, { limits });
  const answering = await connectClient(coordinator);
  let pingsAnswered = 0;
  answering.peer.ws.on('ping', () => pingsAnswered++);
  const mute = await connectClient(coordinator, { ws: { autoPong: false } });

  // The mute client is dropped idleTimeoutMs after it connected, by which time
  // the answering client has been connected longer than that.
  await peerRemoved(coordinator, mute.alias);
  await mute.peer.closed;
  assert.equal(coordinator.stats.idleTerminations, 1);
  assert.ok(pingsAnswered >= 1);
  assert.equal(coordinator.registry.get(answering.alias)?.socket.readyState, answering.peer.ws.OPEN);
});

test('messages count as activity', async (t) => {
  const coordinator = await startCoordinator(t, { limits });
  const server = await connectServer(coordinator);
  const talker = await connectClient(coordinator, { ws: { autoPong: false } });
  const mute = await connectClient(coordinator, { ws: { autoPong: false } });
  const connect = Connect.encode({ type: MessageType.CONNECT, toAlias: server.alias });
  talker.peer.ws.on('ping', () => talker.peer.send(connect));

  await peerRemoved(coordinator, mute.alias);
  assert.ok(coordinator.registry.get(talker.alias), 'the talking client is still registered');
  assert.equal(Connect.decode(await server.peer.nextFrame()).fromAlias, talker.alias);
});
