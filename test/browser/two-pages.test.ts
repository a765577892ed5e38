// Two Chromium pages on two different comm servers: subscribe, publish on
// both channels, receive each other's messages, see each other come and go
// (presence) through the browser bundle. Chromium offers only mDNS
// (.local) host candidates; the comm servers drop them and find the browser
// by peer-reflexive discovery, with no Chromium flag for mDNS.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startBrowserFixture, untilRouted, type BrowserFixture, type BrowserPeer } from './harness.js';

describe('two Chromium pages on two comm servers', () => {
  let fixture: BrowserFixture;
  let a: BrowserPeer;
  let b: BrowserPeer;

  before(async () => {
    fixture = await startBrowserFixture(2);
    const [s0, s1] = fixture.cluster.servers.map((server) => server.alias!);
    a = await fixture.openPage('page A', s0);
    b = await fixture.openPage('page B', s1);
    await a.subscribe(['room']);
    await b.subscribe(['room']);
    await untilRouted('room', [a, b]);
  });

  after(() => fixture?.close());

  test('each page is on its own comm server, with its own alias', () => {
    const [s0, s1] = fixture.cluster.servers.map((server) => server.alias);
    assert.equal(a.serverAlias, s0);
    assert.equal(b.serverAlias, s1);
    assert.ok(a.alias > 0 && b.alias > 0 && a.alias !== b.alias);
  });

  test('messages on both channels arrive with their topic and sender alias', async () => {
    for (const [peer, other] of [[a, b], [b, a]] as const) {
      await peer.publish('room', `reliable from ${peer.name}`, true);
      await peer.publish('room', `unreliable from ${peer.name}`, false);
      const reliable = await other.waitFor({ body: `reliable from ${peer.name}` });
      assert.deepEqual(reliable, { topic: 'room', from: peer.alias, body: `reliable from ${peer.name}`, reliable: true });
      const unreliable = await other.waitFor({ body: `unreliable from ${peer.name}` });
      assert.deepEqual(unreliable, { topic: 'room', from: peer.alias, body: `unreliable from ${peer.name}`, reliable: false });
    }
  });

  test('the browser sees `reliable` ordered and `unreliable` unordered without retransmissions', async () => {
    for (const peer of [a, b]) {
      const channels = await peer.channels();
      assert.deepEqual(channels.map((channel) => channel.label).sort(), ['reliable', 'unreliable']);
      const reliable = channels.find((channel) => channel.label === 'reliable')!;
      const unreliable = channels.find((channel) => channel.label === 'unreliable')!;
      assert.equal(reliable.ordered, true);
      assert.equal(reliable.maxRetransmits, null);
      assert.equal(unreliable.ordered, false);
      assert.equal(unreliable.maxRetransmits, 0);
      assert.ok(channels.every((channel) => channel.readyState === 'open'));
    }
  });

  test("presence: a page sees the other page's join from the other server, lists both, and sees it leave", async () => {
    await a.subscribe(['lobby'], { presence: true });
    // Answered after the SUBSCRIPTION that precedes it on the same channel: A watches the topic from here on.
    assert.deepEqual(await a.presence('lobby'), { members: [{ alias: a.alias, serverAlias: a.serverAlias }], truncated: false });
    await b.subscribe(['lobby']);
    assert.deepEqual(await a.waitForMember({ event: 'join', topic: 'lobby', alias: b.alias }), { event: 'join', topic: 'lobby', alias: b.alias });
    const listed = await a.presence('lobby');
    assert.deepEqual(
      listed.members.sort((x, y) => x.alias - y.alias),
      [{ alias: a.alias, serverAlias: a.serverAlias }, { alias: b.alias, serverAlias: b.serverAlias }].sort((x, y) => x.alias - y.alias),
    );
    assert.equal(listed.truncated, false);
    await b.unsubscribe(['lobby']);
    const left = await a.waitForMember({ event: 'leave', topic: 'lobby', alias: b.alias });
    assert.equal(left.reason, 'unsubscribed');
  });

  test('Chromium offered only mDNS host candidates, and connected anyway', async () => {
    for (const peer of [a, b]) {
      const hosts = (await peer.candidates()).filter((candidate) => / typ host\b/.test(candidate));
      assert.ok(hosts.length > 0, `${peer.name} gathered host candidates`);
      for (const candidate of hosts) assert.match(candidate.split(' ')[4], /\.local$/, `${peer.name}: ${candidate}`);
    }
  });
});
