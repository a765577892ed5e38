// Hostile or broken input on a comm server's data channels, from a raw
// libwebrtc peer that speaks the protocol by hand. Each input gets its
// bounded response (ignored and counted, or that peer closed with a counted
// reason and a log line) and a bystander pair of real clients keeps
// exchanging messages afterwards.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import type { DirectEvent } from '../../client/index.js';
import { Inbox, bodyText } from '../helpers/messages.js';
import { WireMessage, bytesField, message, varintField } from '../helpers/protobuf-wire.js';
import { Bystanders, closeReason, startHostileCluster, type HostileCluster } from './helpers.js';
import { FORMAT_GZIP, RawPeer, T, frames, type Label } from './raw-peer.js';
import { untilTrue } from '../helpers/until-true.js';

const MAX_MESSAGE_BYTES = 16 * 1024;

let cluster: HostileCluster;
let bystanders: Bystanders;

before(async () => {
  cluster = await startHostileCluster({ maxMessageBytes: MAX_MESSAGE_BYTES, connectTimeoutMs: 5_000 });
  bystanders = await Bystanders.start(cluster);
});

after(async () => {
  await RawPeer.closeAll();
  await cluster?.close();
});

const closedCount = (reason: string): number => cluster.server.stats.closed[reason as 'protocol-error'] ?? 0;

/**
 * Sends `frame` from an authenticated raw peer and expects the server to close
 * that peer as a protocol error, counted and logged with `detail`; returns the
 * logged detail.
 */
async function expectClosed(
  frame: Uint8Array, detail: RegExp,
  { label = 'reliable', authenticate = true, ignoreMaxMessageSize = false }: { label?: Label; authenticate?: boolean; ignoreMaxMessageSize?: boolean } = {},
): Promise<string> {
  const peer = authenticate ? await RawPeer.authenticated(cluster.coordinator.url) : await RawPeer.connect(cluster.coordinator.url);
  if (ignoreMaxMessageSize) peer.ignoreMaxMessageSize();
  const before = closedCount('protocol-error');
  const reason = closeReason(cluster.server, peer.alias);
  peer.send(label, frame);
  assert.equal(await reason, 'protocol-error');
  assert.equal(closedCount('protocol-error'), before + 1, 'counted under closed.protocol-error');
  assert.equal(cluster.server.peers.has(peer.alias), false);
  const logged = cluster.log.about(peer.alias).find((line) => line.msg === 'closing the peer');
  assert.ok(logged, 'the close is logged');
  assert.match(String(logged.detail), detail);
  await peer.closed;
  await peer.close();
  await bystanders.exchange();
  return String(logged.detail);
}

/** Sends `frame` from an authenticated raw peer and expects it ignored: counted, and the peer still served. */
async function expectIgnored(frame: Uint8Array, counter: 'ignored' | 'noSubscribers'): Promise<RawPeer> {
  const peer = await RawPeer.authenticated(cluster.coordinator.url);
  const before = cluster.server.stats[counter];
  peer.send('reliable', frame);
  await peer.roundTrip();
  assert.equal(cluster.server.stats[counter], before + 1, `counted under stats.${counter}`);
  assert.ok(cluster.server.peers.get(peer.alias)?.authenticated, 'the peer is still served');
  await bystanders.exchange();
  return peer;
}

describe('hostile data-channel input to a comm server', () => {
  test('undecodable protobuf closes the peer (counted as undecodable)', async () => {
    const undecodable = cluster.server.stats.undecodable;
    // A TOPIC header, then a length-delimited field that runs past the end.
    await expectClosed(Uint8Array.from([0x08, T.TOPIC, 0x1a, 0xff, 0xff, 0x03, 0x61]), /decode|index out of range/i);
    // Not even a header: a truncated varint.
    await expectClosed(Uint8Array.from([0xff, 0xff, 0xff]), /decode|index out of range|invalid/i);
    assert.equal(cluster.server.stats.undecodable, undecodable + 2);
  });

  test('unknown message types are ignored and counted', async () => {
    const peer = await expectIgnored(message(varintField(1, 99), bytesField(2, 'future')), 'ignored');
    // The same peer keeps working: ERROR (14), a type past the one-byte fast path and type 0 are ignored too.
    const before = cluster.server.stats.ignored;
    peer.send('reliable', message(varintField(1, T.ERROR)));
    peer.send('reliable', message(varintField(1, 300)));
    peer.send('reliable', Uint8Array.from([0x08, 0x00]));
    await peer.roundTrip();
    assert.equal(cluster.server.stats.ignored, before + 3);
    await peer.close();
  });

  test('types that belong to another channel or direction (WELCOME, CONNECT, TOPIC_FW, a second AUTH) are ignored', async () => {
    const peer = await RawPeer.authenticated(cluster.coordinator.url);
    const before = cluster.server.stats.ignored;
    const wrong = [
      message(varintField(1, T.WELCOME), varintField(2, 1), varintField(3, 2)),
      frames.connect(peer.alias, cluster.server.alias!),
      frames.webRtc(T.WEBRTC_OFFER, peer.alias, cluster.server.alias!, '{"type":"offer","sdp":"v=0"}'),
      message(varintField(1, T.TOPIC_FW), varintField(2, bystanders.a.alias), bytesField(3, 'forged fw'), bytesField(4, bystanders.topic)),
      message(varintField(1, T.TOPIC_IDENTITY_FW), varintField(2, bystanders.a.alias), bytesField(5, 'forged idfw')),
      message(varintField(1, T.CONNECTION_REFUSED), varintField(4, 1)),
      frames.auth('again'),
    ];
    for (const frame of wrong) peer.send('reliable', frame);
    await peer.roundTrip();
    assert.equal(cluster.server.stats.ignored, before + wrong.length);
    assert.ok(cluster.server.peers.get(peer.alias)?.authenticated);
    await bystanders.exchange();
    await peer.close();
  });

  test('a numbered reliable message whose publisher id is not 16 bytes closes the peer', async () => {
    await expectClosed(frames.numberedTopic(bystanders.topic, 'forged', new Uint8Array(3), 1), /publisher id of 3 bytes/);
    await expectClosed(frames.numberedTopic(bystanders.topic, 'forged', new Uint8Array(4096), 1), /publisher id of 4096 bytes/);
  });

  test("a client's replayed numbered message reaches the other clients once; its ACK and a client's ACK to the server are harmless", async () => {
    const peer = await RawPeer.connect(cluster.coordinator.url);
    peer.send('reliable', frames.auth('replayer', 1, ['ack']));
    await peer.roundTrip();
    const publisher = crypto.getRandomValues(new Uint8Array(16));
    const inbox = new Inbox(bystanders.b);
    const duplicates = cluster.server.stats.duplicates;
    for (const seq of [1, 2, 1, 2, 3, 3]) peer.send('reliable', frames.numberedTopic(bystanders.topic, `n${seq}`, publisher, seq));
    peer.send('reliable', message(varintField(1, T.ACK), varintField(2, 1_000_000)));
    await peer.roundTrip();
    await bystanders.exchange();
    inbox.stop();
    assert.deepEqual(inbox.texts((m) => /^n\d$/.test(bodyText(m))), ['n1', 'n2', 'n3']);
    assert.equal(cluster.server.stats.duplicates, duplicates + 3);
    // ACKs are cumulative: the last one says 3, the highest number forwarded.
    let ack: WireMessage;
    do ack = new WireMessage(await peer.channel('reliable').frames.next()); while (ack.uint(1) !== T.ACK || ack.uint(2) !== 3);
    assert.ok(cluster.server.peers.get(peer.alias)?.authenticated);
    await peer.close();
  });

  test('RECOVER is answered from the history for a subscribed topic and closes the peer for another; HISTORY from a client is ignored', async () => {
    const peer = await RawPeer.connect(cluster.coordinator.url);
    peer.send('reliable', frames.auth('recoverer', 1, ['ack']));
    peer.send('reliable', frames.subscription('recoverable'));
    const publisher = crypto.getRandomValues(new Uint8Array(16));
    for (const n of [1, 2, 3]) peer.send('reliable', frames.topicNumberedOnTopic('recoverable', `r${n}`, publisher, n, n));
    peer.send('reliable', frames.recover('recoverable', [{ publisher, topicSeq: 1 }]));
    let answer: WireMessage;
    do answer = new WireMessage(await peer.channel('reliable').frames.next()); while (answer.uint(1) !== T.RECOVERED);
    assert.equal(answer.uint(5), 1, 'one part, the last');
    const recovered = answer.fields.filter((f) => f.field === 3).map((f) => new WireMessage(f.value as Uint8Array));
    assert.deepEqual(recovered.map((frame) => [frame.uint(1), new TextDecoder().decode(frame.bytes(3)), frame.uint(6)]), [[T.TOPIC_FW, 'r2', 2], [T.TOPIC_FW, 'r3', 3]]);
    const highest = new WireMessage(answer.bytes(4));
    assert.deepEqual([highest.bytes(1), highest.uint(2)], [publisher, 3]);

    await expectIgnored(message(varintField(1, T.HISTORY), varintField(2, 1), bytesField(3, 'recoverable')), 'ignored').then((other) => other.close());
    await expectClosed(frames.recover('elsewhere', []), /not subscribed/);
    assert.ok(cluster.server.peers.get(peer.alias)?.authenticated);
    await peer.close();
  });

  test('PRESENCE is answered for a subscribed topic and refused (NOT_SUBSCRIBED) for another; MEMBER_DELTA from a client is ignored', async () => {
    const peer = await RawPeer.connect(cluster.coordinator.url);
    peer.send('reliable', frames.auth('present', 1, ['presence']));
    peer.send('reliable', frames.subscription('gathering'));
    peer.send('reliable', frames.presence(7, 'gathering'));
    let reply: WireMessage;
    do reply = new WireMessage(await peer.channel('reliable').frames.next()); while (reply.uint(1) !== T.PRESENCE);
    assert.equal(reply.uint(2), 7);
    const members = reply.fields.filter((f) => f.field === 4).map((f) => new WireMessage(f.value as Uint8Array));
    assert.deepEqual(members.map((member) => [member.uint(1), new TextDecoder().decode(member.bytes(2)), member.uint(3)]), [[peer.alias, 'present', cluster.server.alias]]);
    peer.send('reliable', frames.presence(8, 'elsewhere'));
    do reply = new WireMessage(await peer.channel('reliable').frames.next()); while (reply.uint(1) !== T.PRESENCE);
    assert.deepEqual([reply.uint(2), new TextDecoder().decode(reply.bytes(6))], [8, 'NOT_SUBSCRIBED']);
    assert.ok(cluster.server.peers.get(peer.alias)?.authenticated);

    // A client posing as a server: its member list goes nowhere.
    const forger = await expectIgnored(frames.memberDelta('gathering', [1, 2, 3], true), 'ignored');
    forger.send('reliable', frames.presence(1, 'gathering'));
    let answer: WireMessage;
    do answer = new WireMessage(await forger.channel('reliable').frames.next()); while (answer.uint(1) !== T.PRESENCE);
    assert.equal(new TextDecoder().decode(answer.bytes(6)), 'NOT_SUBSCRIBED');
    peer.send('reliable', frames.presence(9, 'gathering'));
    do reply = new WireMessage(await peer.channel('reliable').frames.next()); while (reply.uint(1) !== T.PRESENCE);
    assert.equal(reply.fields.filter((f) => f.field === 4).length, 1, 'still only itself');
    await forger.close();
    await peer.close();
  });

  test('PRESENCE requests past the message rate close the client (rate-limited); a malformed one closes it (undecodable)', { timeout: 60_000 }, async () => {
    const peer = await RawPeer.authenticated(cluster.coordinator.url);
    peer.send('reliable', frames.subscription('crowded'));
    const reason = closeReason(cluster.server, peer.alias);
    const before = cluster.server.rateLimited.closed;
    try {
      for (let i = 0; i < 5_000; i++) peer.send('reliable', frames.presence(i, 'crowded'));
    } catch {
      // the server closed it while we were still sending
    }
    assert.equal(await reason, 'rate-limited');
    assert.equal(cluster.server.rateLimited.closed, before + 1);
    await peer.close();
    await bystanders.exchange();
    const undecodable = cluster.server.stats.undecodable;
    await expectClosed(Uint8Array.from([0x08, T.PRESENCE, 0x1a, 0xff, 0xff, 0x03, 0x61]), /decode|index out of range/i);
    assert.equal(cluster.server.stats.undecodable, undecodable + 1);
  });

  test("a DIRECT's from_alias and from_identity are the sender's, whatever it wrote; without `direct` announced, a DIRECT is ignored", async () => {
    const peer = await RawPeer.authenticated(cluster.coordinator.url, { extensions: ['direct'] });
    const received: DirectEvent[] = [];
    const onDirect = (event: DirectEvent) => received.push(event);
    bystanders.b.on('direct', onDirect);
    try {
      peer.send('reliable', frames.direct({ toAlias: bystanders.b.alias, body: 'forged direct', requestId: 5, fromAlias: bystanders.a.alias, fromIdentity: 'admin' }));
      let answer: WireMessage;
      do answer = new WireMessage(await peer.channel('reliable').frames.next()); while (answer.uint(1) !== T.DIRECT_RESULT);
      assert.deepEqual([answer.uint(2), new TextDecoder().decode(answer.bytes(3))], [5, ''], 'accepted');
      await bystanders.b.ping();
      assert.deepEqual(received.map(({ from, identity, body, reliable }) => ({ from, identity, body: new TextDecoder().decode(body), reliable })), [
        { from: peer.alias, identity: 'hostile', body: 'forged direct', reliable: true },
      ]);

      const plain = await expectIgnored(frames.direct({ toAlias: bystanders.b.alias, body: 'from a peer without direct', requestId: 6 }), 'ignored');
      await bystanders.b.ping();
      assert.equal(received.length, 1, 'nothing more arrived');
      await plain.close();
    } finally {
      bystanders.b.off('direct', onDirect);
    }
    await peer.close();
  });

  test('DIRECTORY and DIRECT_RESULT from a client are ignored and counted: the directory is unchanged, its aliases are nobody', async () => {
    const forger = await RawPeer.authenticated(cluster.coordinator.url, { extensions: ['direct'] });
    const before = cluster.server.stats.ignored;
    forger.send('reliable', frames.directory([[424_242, 'admin'], [bystanders.b.alias, 'admin']], true));
    forger.send('reliable', frames.directory([[434_343, 'admin']]));
    forger.send('reliable', frames.directResult(1));
    await forger.roundTrip();
    assert.equal(cluster.server.stats.ignored, before + 3);
    assert.deepEqual(cluster.server.directoryEntries.remote, 0);
    for (const [requestId, target] of [[1, { toAlias: 424_242 }], [2, { toAlias: 434_343 }], [3, { toIdentity: 'admin' }]] as const) {
      forger.send('reliable', frames.direct({ ...target, body: 'to a forged entry', requestId }));
      let answer: WireMessage;
      do answer = new WireMessage(await forger.channel('reliable').frames.next()); while (answer.uint(1) !== T.DIRECT_RESULT);
      assert.deepEqual([answer.uint(2), new TextDecoder().decode(answer.bytes(3))], [requestId, 'NO_SUCH_PEER']);
    }
    assert.ok(cluster.server.peers.get(forger.alias)?.authenticated);
    await forger.close();
    await bystanders.exchange();
  });

  test('a DIRECT flood is held to the message rate: reliable ones close the client (rate-limited), unreliable ones over it are dropped and counted', { timeout: 60_000 }, async () => {
    const received: DirectEvent[] = [];
    const onDirect = (event: DirectEvent) => received.push(event);
    bystanders.b.on('direct', onDirect);
    try {
      const flooder = await RawPeer.authenticated(cluster.coordinator.url, { extensions: ['direct'] });
      const dropped = cluster.server.rateLimited.dropped;
      const started = Date.now();
      const sent = 5_000;
      for (let i = 0; i < sent; i++) flooder.send('unreliable', frames.direct({ toAlias: bystanders.b.alias, body: `u${i}` }));
      await untilTrue(() => cluster.server.rateLimited.dropped > dropped, 'unreliable DIRECTs over the rate are dropped');
      await bystanders.b.ping();
      const { maxMessagesPerSecond, messageBurst } = cluster.server.limits;
      const allowed = messageBurst + maxMessagesPerSecond * (Date.now() - started) / 1000;
      assert.ok(received.length <= allowed, `${received.length} delivered, at most ${allowed} allowed`);
      assert.ok(received.length + cluster.server.rateLimited.dropped - dropped <= sent);
      await flooder.close();

      const peer = await RawPeer.authenticated(cluster.coordinator.url, { extensions: ['direct'] });
      const reason = closeReason(cluster.server, peer.alias);
      const closed = cluster.server.rateLimited.closed;
      try {
        for (let i = 0; i < sent; i++) peer.send('reliable', frames.direct({ toAlias: bystanders.b.alias, body: `r${i}`, requestId: i + 1 }));
      } catch {
        // the server closed it while we were still sending
      }
      assert.equal(await reason, 'rate-limited');
      assert.equal(cluster.server.rateLimited.closed, closed + 1);
      await peer.close();
    } finally {
      bystanders.b.off('direct', onDirect);
    }
    await bystanders.exchange();
  });

  test('an oversize DIRECT closes the peer, as an oversize TOPIC does', async () => {
    await expectClosed(frames.direct({ toAlias: bystanders.b.alias, body: new Uint8Array(MAX_MESSAGE_BYTES + 1024) }), /over the limit/);
  });

  test('an oversize data-channel frame closes the peer', async () => {
    const body = new Uint8Array(MAX_MESSAGE_BYTES + 1024);
    await expectClosed(frames.topic(bystanders.topic, body), /over the limit/);
  });

  // The comm server's werift advertises a=max-message-size:65536. A peer that
  // ignores it is closed whatever the size: up to the SCTP receive window
  // (1 MiB) the message used to arrive and --max-message-bytes closed it; past
  // the window it was neither delivered nor closed (the association stalled).
  // werift stops reassembling at the limit: the server held at most the
  // limit and a fragment of it (two runs joined by a late fragment: twice).
  for (const size of [100 * 1024, 1_200_000, 4 * 1024 * 1024]) {
    test(`a ${size}-byte message sent past the server's max-message-size closes the peer`, { timeout: 30_000 }, async () => {
      const detail = /^reliable channel: message of (\d+) bytes or more is over the limit of 65536 bytes \(max-message-size\)$/;
      const held = await expectClosed(frames.topic(bystanders.topic, new Uint8Array(size)), detail, { ignoreMaxMessageSize: true });
      assert.ok(Number(detail.exec(held)![1]) <= 2 * 65536, held);
    });
  }

  test('anything but AUTH first on reliable closes the peer', async () => {
    await expectClosed(frames.topic(bystanders.topic, 'too early'), /not AUTH/, { authenticate: false });
    await expectClosed(frames.subscription('a b'), /not AUTH/, { authenticate: false });
    await expectClosed(Uint8Array.from([0xff]), /not AUTH|decode/, { authenticate: false });
  });

  test('frames on unreliable before AUTH are dropped and counted, never relayed, and the peer is still admitted', async () => {
    const peer = await RawPeer.connect(cluster.coordinator.url);
    const inbox = new Inbox(bystanders.b);
    try {
      const before = cluster.server.stats.beforeAuth;
      const early = [frames.topic(bystanders.topic, 'early'), frames.auth(), frames.subscription('a'), Uint8Array.from([0xff])];
      for (const frame of early) peer.send('unreliable', frame);
      peer.send('reliable', frames.auth());
      await peer.roundTrip();
      assert.equal(cluster.server.stats.beforeAuth, before + early.length);
      assert.ok(cluster.server.peers.get(peer.alias)?.authenticated, 'admitted by its AUTH on reliable');
      assert.equal(cluster.server.topicsOf(cluster.server.peers.get(peer.alias)!).size, 0, 'the early SUBSCRIPTION was not applied');
      await bystanders.exchange();
      assert.equal(inbox.texts((m) => bodyText(m) === 'early').length, 0, 'the early TOPIC was not relayed');
    } finally {
      inbox.stop();
      await peer.close();
    }
  });

  test("a TOPIC or TOPIC_IDENTITY with someone else's from_alias is stamped with the sender's real alias and identity", async () => {
    const peer = await RawPeer.authenticated(cluster.coordinator.url);
    const inbox = new Inbox(bystanders.b);
    try {
      peer.send('reliable', frames.topic(bystanders.topic, 'forged topic', bystanders.a.alias));
      peer.send('reliable', frames.topicIdentity(bystanders.topic, 'forged identity', 'admin', bystanders.a.alias));
      await peer.roundTrip();
      await bystanders.b.ping();
      const forged = inbox.messages.filter((m) => bodyText(m).startsWith('forged'));
      assert.equal(forged.length, 2);
      for (const m of forged) assert.equal(m.from, peer.alias, 'from is the real sender, not the forged alias');
      const withIdentity = forged.find((m) => m.identity !== undefined);
      assert.ok(withIdentity, 'TOPIC_IDENTITY arrives as TOPIC_IDENTITY_FW');
      assert.equal(new TextDecoder().decode(withIdentity.identity), 'hostile', 'identity from AUTH, not from the message');
    } finally {
      inbox.stop();
    }
    await peer.close();
  });

  test('a SUBSCRIPTION with 100,000 topics closes the peer; the routing table does not grow', async () => {
    // 100,000 distinct topics take 213 KB even gzipped, over any data-channel message (werift: 64 KiB). So: 100,000
    // topic names (1,000 distinct, repeated) in a 5 KB gzip, which the decoder's byte bound stops at 64 KiB inflated.
    const topics = Array.from({ length: 100_000 }, (_, i) => `t${i % 1000}`).join(' ');
    const before = cluster.server.topicCount;
    await expectClosed(frames.subscription(gzipSync(topics, { level: 9 }), FORMAT_GZIP), /larger than 65536 bytes once decompressed/);
    // The same list plain is over the frame bound.
    await expectClosed(frames.subscription(topics.slice(0, MAX_MESSAGE_BYTES + 100)), /over the limit/);
    // 1,001 distinct short topics fit every byte bound: the topic-count bound stops them.
    await expectClosed(frames.subscription(Array.from({ length: 1001 }, (_, i) => `u${i}`).join(' ')), /more than 1000 topics/);
    assert.equal(cluster.server.topicCount, before);
  });

  test('huge topic names: a SUBSCRIPTION closes the peer, a TOPIC goes nowhere', async () => {
    const huge = 'x'.repeat(8 * 1024);
    await expectClosed(frames.subscription(`ok ${huge}`), /topic longer than/);
    const peer = await expectIgnored(frames.topic(huge, 'to a huge topic'), 'noSubscribers');
    await peer.close();
  });

  test('a gzip bomb closes the peer before it inflates', async () => {
    // 12 MiB of 'a' in 12 KB: ~1000:1, gzip's ceiling.
    const bomb = gzipSync(Buffer.alloc(12 * 1024 * 1024, 0x61), { level: 9 });
    assert.ok(bomb.length < MAX_MESSAGE_BYTES, `bomb is ${bomb.length} bytes on the wire`);
    const rssBefore = process.memoryUsage().rss;
    await expectClosed(frames.subscription(bomb, FORMAT_GZIP), /larger than 65536 bytes once decompressed/);
    const grown = process.memoryUsage().rss - rssBefore;
    assert.ok(grown < 8 * 1024 * 1024, `RSS grew by ${grown} bytes`);
    // Not gzip at all, flagged as gzip.
    await expectClosed(frames.subscription('plain text', FORMAT_GZIP), /not valid gzip/);
  });

  test('a TOPIC to a topic nobody has is counted and dropped', async () => {
    const peer = await expectIgnored(frames.topic('nobody-has-this', 'hello?'), 'noSubscribers');
    const before = cluster.server.stats.noSubscribers;
    for (let i = 0; i < 100; i++) peer.send(i % 2 ? 'reliable' : 'unreliable', frames.topic(`nobody-${i}`, 'x'));
    await peer.roundTrip();
    assert.ok(cluster.server.stats.noSubscribers >= before + 50, 'every reliable one at least is counted');
    assert.equal(cluster.server.topicCount, 1, 'only the bystanders topic is routed');
    await peer.close();
  });

  test('the server echoes PING only as sent, and a PING with garbage fields closes nobody', async () => {
    const peer = await RawPeer.authenticated(cluster.coordinator.url);
    peer.send('reliable', message(varintField(1, T.PING), bytesField(9, 'unknown field')));
    const echo = new WireMessage(await peer.channel('reliable').frames.next());
    assert.equal(echo.uint(1), T.PING);
    assert.ok(cluster.server.peers.get(peer.alias)?.authenticated);
    await peer.close();
    await bystanders.exchange();
  });
});
