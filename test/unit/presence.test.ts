// Presence state and coalescing (commserver/presence-members.ts) and the
// cost of member changes between servers (commserver/presence.ts): a
// thousand clients joining one topic at once cost each link a few frames.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LeaveReason, MemberDelta, Members, MessageType, Presence as PresenceFrame, peekType, type MemberDeltaMessage } from '../../shared/codec.js';
import type { Peer } from '../../commserver/peer.js';
import { Presence } from '../../commserver/presence.js';
import { CommServerStats } from '../../commserver/stats.js';
import { MemberTable, PendingChanges, memberKey, type MemberInfo } from '../../commserver/presence-members.js';

const member = (alias: number, clientId = new Uint8Array(0), serverAlias = 1): MemberInfo => ({ alias, identity: new Uint8Array(0), serverAlias, clientId });

describe('MemberTable', () => {
  test('a key held by several sources is one member, visible until the last lets go', () => {
    const changes: string[] = [];
    const table = new MemberTable<string>({
      onChange: (topic, _key, m, reason) => changes.push(`${reason === undefined ? 'join' : `leave:${LeaveReason[reason]}`} ${topic} ${m.alias}`),
    });
    const id = new Uint8Array(16).fill(1);
    table.set('link-a', 'room', memberKey(member(5, id, 2)), member(5, id, 2));
    table.set('local', 'room', memberKey(member(9, id)), member(9, id));
    assert.deepEqual(table.members('room', 10).members.map((m) => m.alias), [9], 'as the last source says');
    table.set('link-a', 'room', memberKey(member(5, id, 2)), member(5, id, 2));
    assert.deepEqual(table.members('room', 10).members.map((m) => m.alias), [5]);
    table.delete('link-a', 'room', memberKey(member(5, id, 2)), LeaveReason.DISCONNECTED);
    assert.deepEqual(changes, ['join room 5']);
    table.delete('local', 'room', memberKey(member(9, id)), LeaveReason.UNSUBSCRIBED);
    assert.deepEqual(changes, ['join room 5', 'leave:UNSUBSCRIBED room 9']);
    assert.equal(table.count('local'), 0);
    assert.deepEqual(table.members('room', 10), { members: [], truncated: false });
  });

  test('members without a client id are keyed by server and alias; a listing stops at its limit', () => {
    const table = new MemberTable<string>({ onChange: () => undefined });
    for (let alias = 1; alias <= 5; alias++) table.set('local', 'room', memberKey(member(alias)), member(alias));
    table.set('link', 'room', memberKey(member(1, new Uint8Array(0), 7)), member(1, new Uint8Array(0), 7));
    assert.equal(table.members('room', 100).members.length, 6, 'alias 1 of server 7 is another member');
    assert.deepEqual([table.members('room', 4).members.length, table.members('room', 4).truncated], [4, true]);
    assert.deepEqual(table.entriesOf('link').map(({ key }) => key), ['7/1']);
  });
});

describe('PendingChanges', () => {
  test('events: a join then a leave cancel out; a leave then a join are both told', () => {
    const pending = new PendingChanges('events');
    pending.joined('room', 'a', member(1));
    pending.left('room', 'a', member(1), LeaveReason.UNSUBSCRIBED);
    assert.ok(pending.empty);
    pending.left('room', 'b', member(2), LeaveReason.DISCONNECTED);
    pending.joined('room', 'b', member(2));
    assert.deepEqual(pending.take(), [{ topic: 'room', joined: [member(2)], left: [{ member: member(2), reason: LeaveReason.DISCONNECTED }] }]);
    assert.ok(pending.empty);
  });

  test('state: the last word per key counts', () => {
    const pending = new PendingChanges('state');
    pending.joined('room', 'a', member(1));
    pending.left('room', 'a', member(1), LeaveReason.UNSUBSCRIBED);
    pending.left('room', 'b', member(2), LeaveReason.DISCONNECTED);
    pending.joined('room', 'b', member(3));
    assert.deepEqual(pending.take(), [{
      topic: 'room', joined: [member(3)], left: [{ member: member(1), reason: LeaveReason.UNSUBSCRIBED }],
    }]);
  });
});

/** A peer as presence sees it, recording what it is sent. */
function fakePeer(alias: number, kind: 'client' | 'server'): Peer & { sent: Uint8Array[] } {
  const sent: Uint8Array[] = [];
  return {
    alias, sent, isServer: kind === 'server', authenticated: true, identity: new Uint8Array(0),
    clientId: crypto.getRandomValues(new Uint8Array(16)), extensions: new Set(['presence']),
    send: (_channel: string, frame: Uint8Array) => sent.push(frame),
  } as unknown as Peer & { sent: Uint8Array[] };
}

function untilSent(peer: { sent: Uint8Array[] }, count: number, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (peer.sent.length >= count) resolve();
      else if (Date.now() > deadline) reject(new Error(`${peer.sent.length} frames sent, not ${count}`));
      else setTimeout(check, 5);
    };
    check();
  });
}

test('a thousand clients joining one topic at once cost each link a few MEMBER_DELTA frames and each watcher a few MEMBERS', async () => {
  const links = [fakePeer(100, 'server'), fakePeer(101, 'server')];
  const stats = new CommServerStats();
  const presence = new Presence({
    intervalMs: 20, graceMs: 0, serverTimeoutMs: 6_000, maxPresenceMembers: 10_000, maxRemoteMembers: 1_000_000,
    serverAlias: () => 1, presenceLinks: () => links, reject: () => assert.fail('nobody is rejected'), stats,
  });
  const watcher = fakePeer(1, 'client');
  presence.subscriptionChanged(watcher, ['room'], [], new Set(['room']), ['room']);
  presence.start();
  try {
    await untilSent(links[0], 1);
    for (const link of links) link.sent.length = 0;
    stats.messagesOut.reliable.fill(0);
    const clients = Array.from({ length: 1_000 }, (_, i) => fakePeer(10 + i, 'client'));
    for (const client of clients) presence.subscriptionChanged(client, ['room'], [], new Set(['room']), []);
    await Promise.all([...links, watcher].map((peer) => untilSent(peer, 1)));
    // Three more intervals: nothing else follows.
    await new Promise((resolve) => setTimeout(resolve, 60));
    for (const link of links) {
      assert.ok(link.sent.length <= 5, `${link.sent.length} frames to a link`);
      const deltas = link.sent.map((frame) => MemberDelta.decode(frame) as MemberDeltaMessage);
      assert.equal(deltas.reduce((sum, delta) => sum + delta.topics.reduce((n, topic) => n + topic.joined.length, 0), 0), 1_000);
      assert.ok(link.sent.every((frame) => frame.length < 64 * 1024));
    }
    assert.ok(watcher.sent.length <= 5, `${watcher.sent.length} frames to the watcher`);
    assert.ok(watcher.sent.every((frame) => peekType(frame) === MessageType.MEMBERS));
    const joined = watcher.sent.flatMap((frame) => Members.decode(frame).topics.flatMap((topic) => topic.joined));
    assert.equal(joined.length, 1_000);
    assert.equal(stats.messagesOut.reliable[MessageType.MEMBER_DELTA], links[0].sent.length + links[1].sent.length, 'every frame to every link counted');
    assert.equal(stats.messagesOut.reliable[MessageType.MEMBERS], watcher.sent.length);
  } finally {
    presence.stop();
  }
});

test("a linked server's full state replaces what it said before: who is missing leaves, who is kept stays; its members are bounded", () => {
  const link = fakePeer(100, 'server');
  const rejected: string[] = [];
  const presence = new Presence({
    intervalMs: 1_000, graceMs: 0, serverTimeoutMs: 6_000, maxPresenceMembers: 10_000, maxRemoteMembers: 3,
    serverAlias: () => 1, presenceLinks: () => [link], reject: (_peer, _reason, detail) => rejected.push(detail), stats: new CommServerStats(),
  });
  const asker = fakePeer(1, 'client');
  const wire = (alias: number) => ({ alias, identity: new Uint8Array(0), serverAlias: 0, clientId: new Uint8Array(0), reason: LeaveReason.UNKNOWN_LEAVE_REASON });
  const delta = (full: boolean, more: boolean, aliases: number[]) => presence.delta(link, {
    type: MessageType.MEMBER_DELTA, full, more, topics: [{ topic: 'room', joined: aliases.map(wire), left: [] }],
  });
  const listed = () => {
    asker.sent.length = 0;
    presence.request(asker, { type: MessageType.PRESENCE, requestId: 1, topic: 'room', members: [], truncated: false, error: '', more: false }, true);
    return asker.sent.flatMap((frame) => PresenceFrame.decode(frame).members.map((m) => `${m.alias}@${m.serverAlias}`)).sort();
  };
  delta(true, true, [1, 2]);
  assert.deepEqual(listed(), [], 'a full state counts once all its parts are in');
  delta(true, false, [3]);
  assert.deepEqual(listed(), ['1@100', '2@100', '3@100'], 'members of the link, whatever server alias they claim');
  delta(true, false, [3]);
  assert.deepEqual(listed(), ['3@100']);
  delta(false, false, [4, 5, 6]);
  assert.deepEqual(rejected, ['more than 3 members from one server']);
});

test("a kicked client's memberships leave at once, as kicked, to links and watchers; a closed one's wait for the grace", async () => {
  const link = fakePeer(100, 'server');
  const presence = new Presence({
    intervalMs: 20, graceMs: 60_000, serverTimeoutMs: 6_000, maxPresenceMembers: 10_000, maxRemoteMembers: 1_000_000,
    serverAlias: () => 1, presenceLinks: () => [link], reject: () => assert.fail('nobody is rejected'), stats: new CommServerStats(),
  });
  const watcher = fakePeer(1, 'client');
  const [kicked, closed] = [fakePeer(2, 'client'), fakePeer(3, 'client')];
  presence.subscriptionChanged(watcher, ['room'], [], new Set(['room']), ['room']);
  for (const client of [kicked, closed]) presence.subscriptionChanged(client, ['room'], [], new Set(['room']), []);
  presence.start();
  try {
    await Promise.all([untilSent(link, 1), untilSent(watcher, 1)]);
    link.sent.length = 0;
    watcher.sent.length = 0;
    presence.forget(closed, ['room'], 'channel-closed');
    presence.forget(kicked, ['room'], 'kicked');
    await Promise.all([untilSent(link, 1), untilSent(watcher, 1)]);
    const left = (frames: Uint8Array[], decode: (frame: Uint8Array) => { topics: Array<{ left: Array<{ alias: number; reason: LeaveReason }> }> }) =>
      frames.flatMap((frame) => decode(frame).topics.flatMap((topic) => topic.left.map(({ alias, reason }) => `${alias}:${LeaveReason[reason]}`)));
    assert.deepEqual(left(link.sent, MemberDelta.decode), ['2:KICKED']);
    assert.deepEqual(left(watcher.sent, Members.decode), ['2:KICKED']);
  } finally {
    presence.stop();
  }
});
