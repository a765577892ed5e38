// The directory (commserver/directory-entries.ts, commserver/directory.ts)
// and the routing of direct messages (commserver/direct.ts), with peers
// that record what they are sent: who holds an alias and an identity, a
// link's full state and deltas, the bounds, and every answer a sender can
// get (accepted, NO_SUCH_PEER, TIMEOUT).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  Direct, DirectResult, Directory as DirectoryFrame, MessageType, peekType, type DirectMessage, type DirectoryMessage,
} from '../../shared/codec.js';
import type { Peer } from '../../commserver/peer.js';
import { DirectMessages } from '../../commserver/direct.js';
import { Directory } from '../../commserver/directory.js';
import { DirectoryTable } from '../../commserver/directory-entries.js';
import { CommServerStats } from '../../commserver/stats.js';

const utf8 = new TextEncoder();
const text = new TextDecoder();

type FakePeer = Peer & { sent: Array<{ channel: string; frame: Uint8Array }>; closed: boolean };

/** A peer as the directory and direct messages see it, recording what it is sent. */
function fakePeer(alias: number, kind: 'client' | 'server', identity = ''): FakePeer {
  const sent: Array<{ channel: string; frame: Uint8Array }> = [];
  return {
    alias, sent, closed: false, isServer: kind === 'server', authenticated: true, identity: utf8.encode(identity), extensions: new Set(['direct']),
    send: (channel: string, frame: Uint8Array) => sent.push({ channel, frame }),
  } as unknown as FakePeer;
}

const results = (peer: FakePeer) => peer.sent.filter(({ frame }) => peekType(frame) === MessageType.DIRECT_RESULT)
  .map(({ frame }) => DirectResult.decode(frame)).map(({ requestId, error }) => `${requestId}:${error || 'accepted'}`);
const directs = (peer: FakePeer) => peer.sent.filter(({ frame }) => peekType(frame) === MessageType.DIRECT)
  .map(({ channel, frame }) => {
    // Decoded defaults are on the prototype: named one by one.
    const { requestId, toAlias, toIdentity, body, fromAlias, fromIdentity } = Direct.decode(frame);
    return { channel, requestId, toAlias, toIdentity, body, fromAlias, fromIdentity };
  });
const directories = (peer: FakePeer) => peer.sent.filter(({ frame }) => peekType(frame) === MessageType.DIRECTORY)
  .map(({ frame }) => DirectoryFrame.decode(frame));

const direct = (fields: Partial<DirectMessage>): DirectMessage => ({
  type: MessageType.DIRECT, requestId: 0, toAlias: 0, toIdentity: new Uint8Array(0), body: utf8.encode('hi'), fromAlias: 0, fromIdentity: new Uint8Array(0), ...fields,
});
const directory = (fields: Partial<DirectoryMessage>): DirectoryMessage => ({ type: MessageType.DIRECTORY, full: false, added: [], removed: [], more: false, ...fields });
const entry = (alias: number, identity = '') => ({ alias, identity: utf8.encode(identity) });

describe('DirectoryTable', () => {
  test('an alias two sources claim belongs to the last that spoke of it; identities are counted per source', () => {
    const table = new DirectoryTable<string>();
    table.set('a', 7, utf8.encode('bob'));
    table.set('b', 7, utf8.encode('bob'));
    table.set('b', 8, utf8.encode('bob'));
    assert.equal(table.holder(7), 'b');
    table.set('a', 7, utf8.encode('bob'));
    assert.equal(table.holder(7), 'a');
    assert.deepEqual(table.holdersOf(utf8.encode('bob')).sort(), ['a', 'b']);
    table.delete('b', 8);
    assert.deepEqual(table.holdersOf(utf8.encode('bob')).sort(), ['a', 'b'], 'b still holds alias 7 of bob');
    table.delete('a', 7);
    assert.equal(table.holder(7), 'b');
    table.replace('b', new Map([[9, new Uint8Array(0)]]));
    assert.deepEqual([table.holder(7), table.holder(9), table.holdersOf(utf8.encode('bob')), table.count('b'), table.size], [undefined, 'b', [], 1, 1]);
    table.drop('b');
    assert.deepEqual([table.holder(9), table.size], [undefined, 0]);
  });
});

describe('Directory', () => {
  const options = { intervalMs: 10, maxRemoteEntries: 3, reject: () => assert.fail('nobody is rejected') };

  test("a link's full state counts once all its parts are in and replaces what it said before; deltas add and remove; its entries go with it", () => {
    const link = fakePeer(100, 'server');
    const dir = new Directory({ ...options, directLinks: () => [link] });
    dir.receive(link, directory({ full: true, more: true, added: [entry(1, 'bob'), entry(2)] }));
    assert.equal(dir.linkOf(1), undefined, 'not before the last part');
    dir.receive(link, directory({ full: true, added: [entry(3, 'bob')] }));
    assert.deepEqual([dir.linkOf(1), dir.linkOf(2), dir.linkOf(3), dir.linksOf(utf8.encode('bob'))], [link, link, link, [link]]);
    dir.receive(link, directory({ full: true, added: [entry(3, 'bob')] }));
    assert.deepEqual([dir.linkOf(1), dir.linkOf(3), dir.size.remote], [undefined, link, 1]);
    dir.receive(link, directory({ added: [entry(4, 'carol')], removed: [3] }));
    assert.deepEqual([dir.linkOf(3), dir.linkOf(4), dir.linksOf(utf8.encode('bob')), dir.linksOf(utf8.encode('carol'))], [undefined, link, [], [link]]);
    dir.forget(link);
    assert.deepEqual([dir.linkOf(4), dir.size.remote], [undefined, 0]);
  });

  test('a link announcing more than --max-remote-directory-entries is closed, in a full state or in deltas', () => {
    const rejected: string[] = [];
    const reject = (peer: Peer, _reason: string, detail: string) => rejected.push(`${peer.alias}: ${detail}`);
    const [a, b] = [fakePeer(100, 'server'), fakePeer(101, 'server')];
    const dir = new Directory({ ...options, reject, directLinks: () => [a, b] });
    dir.receive(a, directory({ full: true, more: true, added: [entry(1), entry(2)] }));
    dir.receive(a, directory({ full: true, added: [entry(3), entry(4)] }));
    dir.receive(b, directory({ added: [entry(11), entry(12), entry(13)] }));
    dir.receive(b, directory({ added: [entry(13)] }));
    assert.deepEqual(rejected, ['100: more than 3 directory entries from one server']);
    dir.receive(b, directory({ added: [entry(14)] }));
    assert.deepEqual(rejected.slice(1), ['101: more than 3 directory entries from one server']);
  });

  test('a thousand clients arriving at once cost each link a few DIRECTORY frames; a new link gets them all in parts; clients that left are removed', async () => {
    const links = [fakePeer(100, 'server'), fakePeer(101, 'server')];
    const dir = new Directory({ ...options, maxRemoteEntries: 100_000, directLinks: () => links });
    dir.start();
    try {
      const clients = Array.from({ length: 1_000 }, (_, i) => fakePeer(10 + i, 'client', `user-${i % 10}`));
      for (const client of clients) dir.clientAdmitted(client);
      await untilSent(links, 1);
      await new Promise((resolve) => setTimeout(resolve, 30));
      for (const link of links) {
        const frames = directories(link);
        assert.ok(frames.length <= 3, `${frames.length} frames to a link`);
        assert.ok(frames.every((frame) => !frame.full));
        assert.equal(frames.reduce((sum, frame) => sum + frame.added.length, 0), 1_000);
        assert.ok(link.sent.every(({ frame }) => frame.length < 64 * 1024));
      }
      assert.deepEqual([...dir.clientsOf(utf8.encode('user-3'))].length, 100);

      const late = fakePeer(102, 'server', '');
      dir.linkReady(late);
      const full = directories(late);
      assert.ok(full.length >= 1 && full.every((frame, i) => frame.full && frame.more === (i < full.length - 1)));
      assert.equal(full.reduce((sum, frame) => sum + frame.added.length, 0), 1_000);
      assert.ok(late.sent.every(({ frame }) => frame.length < 64 * 1024));

      for (const link of links) link.sent.length = 0;
      dir.forget(clients[0]);
      await untilSent(links, 1);
      assert.deepEqual(directories(links[0]).map((frame) => frame.removed), [[10]]);
      assert.equal(dir.client(10), undefined);
      assert.deepEqual([...dir.clientsOf(utf8.encode('user-0'))].length, 99);
    } finally {
      dir.stop();
    }
  });
});

describe('DirectMessages', () => {
  /** Alice and bob here; carol (20) and a bob (21) on one link, carol (30) on the other; `silentLink`: a link gone silent. */
  function setup({ timeoutMs = 10_000, maxPending = 100, silentLink = -1 } = {}) {
    const stats = new CommServerStats();
    const links = [fakePeer(100, 'server'), fakePeer(101, 'server')];
    const directoryOptions = { intervalMs: 1_000, maxRemoteEntries: 100, directLinks: () => links, reject: () => assert.fail('nobody is rejected') };
    const dir = new Directory(directoryOptions);
    const messages = new DirectMessages({ directory: dir, timeoutMs, maxPending, stats, isSilent: (link) => link === links[silentLink] });
    const alice = fakePeer(1, 'client', 'alice');
    const bob = fakePeer(2, 'client', 'bob');
    for (const client of [alice, bob]) dir.clientAdmitted(client);
    dir.receive(links[0], directory({ full: true, added: [entry(20, 'carol'), entry(21, 'bob')] }));
    dir.receive(links[1], directory({ full: true, added: [entry(30, 'carol')] }));
    return { stats, links, dir, messages, alice, bob };
  }

  test('to a client here: delivered at once, stamped with the sender, answered accepted; the forged from is ignored', () => {
    const { messages, alice, bob, links, stats } = setup();
    messages.fromClient(alice, 'reliable', direct({ toAlias: 2, requestId: 7, fromAlias: 99, fromIdentity: utf8.encode('admin') }));
    assert.deepEqual(directs(bob).map(({ channel, fromAlias, fromIdentity, body, requestId }) => [channel, fromAlias, text.decode(fromIdentity), text.decode(body), requestId]),
      [['reliable', 1, 'alice', 'hi', 0]]);
    assert.deepEqual(results(alice), ['7:accepted']);
    assert.deepEqual(links.map((link) => link.sent.length), [0, 0]);
    messages.fromClient(alice, 'unreliable', direct({ toAlias: 2, requestId: 8 }));
    assert.equal(directs(bob)[1].channel, 'unreliable');
    assert.deepEqual(results(alice), ['7:accepted'], 'no answer on unreliable');
    assert.equal(stats.directsDelivered, 2);
  });

  test("to a client of another server: one copy to that server, the sender answered as that server answers", () => {
    const { messages, alice, links, stats } = setup();
    messages.fromClient(alice, 'reliable', direct({ toAlias: 20, requestId: 7 }));
    const [copy] = directs(links[0]);
    assert.deepEqual([copy.toAlias, copy.fromAlias, text.decode(copy.fromIdentity), directs(links[1]).length], [20, 1, 'alice', 0]);
    assert.ok(copy.requestId > 0);
    assert.deepEqual(results(alice), []);
    messages.result(links[1], { type: MessageType.DIRECT_RESULT, requestId: copy.requestId, error: '' });
    assert.deepEqual(results(alice), [], 'an answer from a server that was not asked is ignored');
    messages.result(links[0], { type: MessageType.DIRECT_RESULT, requestId: copy.requestId, error: '' });
    messages.result(links[0], { type: MessageType.DIRECT_RESULT, requestId: copy.requestId, error: 'NO_SUCH_PEER' });
    assert.deepEqual(results(alice), ['7:accepted']);
    assert.deepEqual([messages.pending, stats.directsForwarded], [0, 1]);
  });

  test('to an identity: every client of it here but the sender and one copy per server holding it; accepted at once when one here got it', () => {
    const { messages, alice, bob, links, dir } = setup();
    const bob2 = fakePeer(3, 'client', 'bob');
    dir.clientAdmitted(bob2);
    messages.fromClient(bob, 'reliable', direct({ toIdentity: utf8.encode('bob'), requestId: 4 }));
    assert.deepEqual([directs(bob).length, directs(bob2).length, directs(alice).length], [0, 1, 0]);
    assert.deepEqual(directs(links[0]).map((copy) => [text.decode(copy.toIdentity), copy.requestId]), [['bob', 0]]);
    assert.deepEqual([directs(links[1]).length, results(bob)], [0, ['4:accepted']]);
  });

  test('to an identity held only elsewhere: accepted when one server accepts, NO_SUCH_PEER when none does', () => {
    const { messages, alice, links } = setup();
    messages.fromClient(alice, 'reliable', direct({ toIdentity: utf8.encode('carol'), requestId: 1 }));
    messages.fromClient(alice, 'reliable', direct({ toIdentity: utf8.encode('carol'), requestId: 2 }));
    const [first, second] = [0, 1].map((i) => links.map((link) => directs(link)[i].requestId));
    messages.result(links[0], { type: MessageType.DIRECT_RESULT, requestId: first[0], error: 'NO_SUCH_PEER' });
    assert.deepEqual(results(alice), []);
    messages.result(links[1], { type: MessageType.DIRECT_RESULT, requestId: first[1], error: '' });
    for (const [i, link] of links.entries()) messages.result(link, { type: MessageType.DIRECT_RESULT, requestId: second[i], error: 'NO_SUCH_PEER' });
    assert.deepEqual(results(alice), ['1:accepted', '2:NO_SUCH_PEER']);
  });

  test('nobody holds the target (or only a silent server does): NO_SUCH_PEER at once, or counted as dropped when nobody asked', () => {
    const { messages, alice, links, stats } = setup({ silentLink: 0 });
    messages.fromClient(alice, 'reliable', direct({ toAlias: 999, requestId: 1 }));
    messages.fromClient(alice, 'reliable', direct({ toIdentity: utf8.encode('nobody'), requestId: 2 }));
    messages.fromClient(alice, 'reliable', direct({ requestId: 3 }));
    messages.fromClient(alice, 'reliable', direct({ toAlias: 20, requestId: 4 }));
    messages.fromClient(alice, 'unreliable', direct({ toAlias: 999 }));
    assert.deepEqual(results(alice), ['1:NO_SUCH_PEER', '2:NO_SUCH_PEER', '3:NO_SUCH_PEER', '4:NO_SUCH_PEER']);
    assert.deepEqual([directs(links[0]).length, stats.directsNoSuchPeer, stats.directsDropped], [0, 4, 1]);
  });

  test('a server that goes away or stays silent: TIMEOUT; past --max-pending-directs the oldest is answered TIMEOUT', async () => {
    const { messages, alice, links, stats } = setup({ timeoutMs: 50, maxPending: 2 });
    messages.fromClient(alice, 'reliable', direct({ toAlias: 20, requestId: 1 }));
    messages.forget(links[0]);
    assert.deepEqual(results(alice), ['1:TIMEOUT']);
    messages.fromClient(alice, 'reliable', direct({ toAlias: 20, requestId: 2 }));
    messages.fromClient(alice, 'reliable', direct({ toAlias: 20, requestId: 3 }));
    messages.fromClient(alice, 'reliable', direct({ toAlias: 20, requestId: 4 }));
    assert.deepEqual(results(alice), ['1:TIMEOUT', '2:TIMEOUT']);
    messages.start();
    try {
      const deadline = Date.now() + 2_000;
      while (results(alice).length < 4 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    } finally {
      messages.stop();
    }
    assert.deepEqual(results(alice), ['1:TIMEOUT', '2:TIMEOUT', '3:TIMEOUT', '4:TIMEOUT']);
    assert.deepEqual([messages.pending, stats.directsTimedOut], [0, 4]);
  });

  test("a linked server's DIRECT goes to the clients here only, as that server stamped it, and is answered", () => {
    const { messages, alice, bob, links, dir } = setup();
    const bob2 = fakePeer(3, 'client', 'bob');
    dir.clientAdmitted(bob2);
    messages.fromLink(links[0], 'reliable', direct({ toAlias: 1, requestId: 11, fromAlias: 20, fromIdentity: utf8.encode('carol') }));
    messages.fromLink(links[0], 'unreliable', direct({ toIdentity: utf8.encode('bob'), fromAlias: 20 }));
    messages.fromLink(links[0], 'reliable', direct({ toAlias: 999, requestId: 12 }));
    assert.deepEqual(directs(alice).map(({ fromAlias, fromIdentity }) => [fromAlias, text.decode(fromIdentity)]), [[20, 'carol']]);
    assert.deepEqual([directs(bob).length, directs(bob2).length, directs(links[1]).length], [1, 1, 0]);
    assert.deepEqual(results(links[0]), ['11:accepted', '12:NO_SUCH_PEER']);
  });
});

function untilSent(peers: FakePeer[], count: number, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (peers.every((peer) => peer.sent.length >= count)) resolve();
      else if (Date.now() > deadline) reject(new Error(`${peers.map((peer) => peer.sent.length).join(', ')} frames sent, not ${count} each`));
      else setTimeout(check, 5);
    };
    check();
  });
}
