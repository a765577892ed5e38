// What a werift peer connection keeps on the heap once it is connected
// (broker-fix event-proto, dtls-release, consent-request, request-ids,
// flat-ids, event-lean, event-target-proto). A comm server holds one per client for hours: ~170 KB each
// before these fixes, about half of it werift Events' per-instance closures,
// the DTLS handshake's transcript and keys, and Node Buffer pool slabs (8 KB)
// kept alive by small slices of them; then the ID of every STUN request a
// candidate pair received, and ids kept as ropes of strings.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { getHeapSnapshot, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Event } from '#werift';
import { connectPair, receiveSequenced, sequencedMessage, type ConnectedPair } from './helpers.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const EVENT_METHODS = ['execute', 'complete', 'error', 'allUnsubscribe', 'subscribe', 'queuingSubscribe', 'once', 'watch', 'asPromise', 'onerror'];

test('werift Events keep their methods on the prototype, bound when handed out', async () => {
  for (const [build, EventClass] of [['ES module', Event]] as const) {
    const event = new EventClass<[number]>();
    const own = Object.keys(event).filter((key) => typeof (event as unknown as Record<string, unknown>)[key] === 'function');
    assert.deepEqual(own, [], `${build}: no per-instance functions`);
    for (const method of EVENT_METHODS) {
      assert.equal(typeof (EventClass.prototype as unknown as Record<string, unknown>)[method], 'function', `${build}: ${method}`);
    }
    const seen: number[] = [];
    event.subscribe((value) => seen.push(value));
    const { execute } = event.returnTrigger;
    const { asPromise } = event.returnListener;
    const next = asPromise();
    execute(1);
    event.execute(2);
    assert.deepEqual(await next, [1]);
    const queued: number[] = [];
    let queuedDone!: () => void;
    const queuedRan = new Promise<void>((resolve) => (queuedDone = resolve));
    event.queuingSubscribe(async (value) => {
      await sleep(1);
      queued.push(value);
      queuedDone();
    });
    event.execute(3);
    await queuedRan;
    assert.deepEqual(seen, [1, 2, 3], `${build}: subscribers called`);
    assert.deepEqual(queued, [3], `${build}: queuing subscribers called`);
  }
});

/** Heap bytes each of 20,000 Events with `subscribers` subscribers takes. */
function bytesPerEvent(subscribers: number): number {
  const count = 20_000;
  const noop = (): void => {};
  const usedHeap = (): number => {
    gc();
    return getHeapStatistics().used_heap_size;
  };
  const events: Event<[]>[] = new Array(count);
  const before = usedHeap();
  for (let i = 0; i < count; i++) {
    const event = new Event<[]>();
    for (let k = 0; k < subscribers; k++) event.subscribe(noop);
    events[i] = event;
  }
  const bytes = (usedHeap() - before) / count;
  assert.equal(events.length, count); // keeps them alive up to the measurement
  return bytes;
}

test('a werift Event holds no subscriber arrays until subscribed to, and a one-slot array for its first subscriber', () => {
  // A peer connection has 56 Events, 33 of them with a subscriber. Unpatched:
  // about 160 and 370 bytes.
  const empty = bytesPerEvent(0);
  const subscribed = bytesPerEvent(1);
  assert.ok(empty < 100, `an Event without subscribers: ${empty} bytes`);
  assert.ok(subscribed < 250, `an Event with one subscriber: ${subscribed} bytes`);
});

const EVENT_TARGET_METHODS = ['addEventListener', 'removeEventListener', 'dispatchEvent'];

interface ListenerTarget {
  addEventListener(type: string, listener: () => void): void;
  removeEventListener(type: string, listener: () => void): void;
  dispatchEvent(event: { type: string }): void;
}

test('werift\'s event targets (peer connection, data channels, DTLS and ICE transports) keep their listener methods on the prototype, and they still work', { timeout: 10_000 }, async () => {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  try {
    const pc = pair.offererPc!;
    const targets = { 'peer connection': pc, 'data channel': pc.sctpTransport!.channelByLabel('reliable'), 'DTLS transport': pc.dtlsTransports[0], 'ICE transport': pc.iceTransports[0] };
    for (const [what, target] of Object.entries(targets)) {
      assert.ok(target, what);
      for (const method of EVENT_TARGET_METHODS) {
        assert.ok(!Object.hasOwn(target, method), `${what}: ${method} is not a closure of its own`);
        assert.equal(typeof (target as unknown as Record<string, unknown>)[method], 'function', `${what}: ${method}`);
      }
    }
    const channel = targets['data channel'] as unknown as ListenerTarget;
    let dispatched = 0;
    const listener = (): void => void dispatched++;
    channel.addEventListener('custom', listener);
    channel.dispatchEvent({ type: 'custom' });
    channel.removeEventListener('custom', listener);
    channel.dispatchEvent({ type: 'custom' });
    assert.equal(dispatched, 1, 'a listener is called until removed');
    await exchange(pair);
  } finally {
    await pair.close();
  }
});

interface DtlsSession {
  connected: boolean;
  extensions: unknown[];
  dtls: { handshakeCache: Record<string, unknown>; lastFlight: unknown[]; lastMessage: Buffer[] };
  cipher: {
    localKeyPair: unknown;
    masterSecret: Buffer;
    cipher: { clientWriteKey: Buffer; serverWriteKey: Buffer };
  };
  onConnect: Event<[]>;
  transport: { socket: { send(buffer: Buffer): unknown } };
  handleHandshakes(assembled: { msg_type: number }[]): Promise<void>;
}

function dtlsSessionOf(pc: ConnectedPair['offererPc']): DtlsSession {
  assert.ok(pc, 'a werift side');
  const transport = pc.dtlsTransports[0] as unknown as { dtls: DtlsSession };
  return transport.dtls;
}

/** A Buffer that is not a view of one of Node's shared pool slabs. */
function assertOwnMemory(buffer: Buffer, what: string): void {
  assert.equal(buffer.buffer.byteLength, buffer.length, `${what} has its own ArrayBuffer`);
}

function assertReleased(session: DtlsSession, side: string): void {
  assert.ok(session.connected, `${side} connected`);
  assert.deepEqual(Object.keys(session.dtls.handshakeCache), [], `${side}: handshake transcript released`);
  assert.deepEqual(session.dtls.lastFlight, [], `${side}: last flight's messages released`);
  assert.deepEqual(session.extensions, [], `${side}: hello extensions released`);
  assert.equal(session.cipher.localKeyPair, undefined, `${side}: ephemeral key pair released`);
  assertOwnMemory(session.cipher.masterSecret, `${side}: master secret`);
  assertOwnMemory(session.cipher.cipher.clientWriteKey, `${side}: client write key`);
  assertOwnMemory(session.cipher.cipher.serverWriteKey, `${side}: server write key`);
}

async function exchange(pair: ConnectedPair): Promise<void> {
  const { offerer, answerer } = pair.channels.get('reliable')!;
  const atAnswerer = receiveSequenced(answerer);
  const atOfferer = receiveSequenced(offerer);
  offerer.send(sequencedMessage(0, 100));
  answerer.send(sequencedMessage(0, 100));
  await Promise.all([atAnswerer.reached(1), atOfferer.reached(1)]);
}

test('once connected, both werift DTLS ends release the handshake state and still carry data', { timeout: 10_000 }, async () => {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  try {
    const server = dtlsSessionOf(pair.offererPc);
    const client = dtlsSessionOf(pair.answererPc);
    assertReleased(server, 'offerer');
    assertReleased(client, 'answerer');
    assert.equal(client.dtls.lastMessage.length, 0, 'the DTLS client keeps no last flight');
    for (const record of server.dtls.lastMessage) assertOwnMemory(record, 'the DTLS server\'s last flight');
    await exchange(pair);
  } finally {
    await pair.close();
  }
});

test('werift towards libwebrtc releases the handshake state and still carries data', { timeout: 10_000 }, async () => {
  const pair = await connectPair('werift', 'wrtc', { reliable: {} });
  try {
    assertReleased(dtlsSessionOf(pair.offererPc), 'werift offerer');
    await exchange(pair);
  } finally {
    await pair.close();
  }
});

test('a Finished retransmitted after the handshake gets the last flight again, without a second connect', { timeout: 10_000 }, async () => {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  try {
    const server = dtlsSessionOf(pair.offererPc);
    assert.ok(server.dtls.lastMessage.length > 0, 'the server kept its last flight');
    const sent: Buffer[] = [];
    const socket = server.transport.socket;
    const send = socket.send.bind(socket);
    socket.send = (buffer: Buffer) => {
      sent.push(buffer);
      return send(buffer);
    };
    let connects = 0;
    server.onConnect.subscribe(() => connects++);
    // What the server sees of a client's retransmitted flight 5 Finished
    // record (its fields are not read once the server is connected).
    await server.handleHandshakes([{ msg_type: 20 }]);
    assert.deepEqual(sent, server.dtls.lastMessage, 'flight 6 sent again');
    assert.equal(connects, 0, 'no second onConnect');
    await exchange(pair);
  } finally {
    await pair.close();
  }
});

interface StunRequester {
  request(request: object, ...rest: unknown[]): Promise<unknown>;
}

interface CandidatePair {
  consentRequestsSent: number;
  protocol: StunRequester;
  remoteAddr: [string, number];
  localCandidate: object;
  requestTransactionIds: Set<string>;
  retransmissionsReceived: number;
}

interface IceConnection {
  nominated: CandidatePair | undefined;
  checkList: CandidatePair[];
  localUsername: string;
  remoteUsername: string;
  remotePassword: string;
  iceControlling: boolean;
  buildRequest(options: unknown): object;
}

function iceConnectionOf(pc: ConnectedPair['offererPc']): IceConnection {
  assert.ok(pc, 'a werift side');
  return pc.iceTransports[0]!.connection as unknown as IceConnection;
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

test('the ICE consent loop does not keep its last request alive while it waits', { timeout: 20_000 }, async () => {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  try {
    const connection = iceConnectionOf(pair.offererPc);
    let last: WeakRef<object> | undefined;
    const build = connection.buildRequest.bind(connection);
    connection.buildRequest = (options: unknown) => {
      const request = build(options);
      last = new WeakRef(request);
      return request;
    };
    // The first consent check goes out 4 to 6 s after connecting (RFC 7675);
    // resolves once its transaction is over (answered over loopback).
    const consentAnswered = new Promise<void>((resolve) => {
      const protocol = connection.nominated!.protocol;
      const request = protocol.request.bind(protocol);
      protocol.request = (stunRequest, ...rest) => {
        const transaction = request(stunRequest, ...rest);
        if (stunRequest === last?.deref()) transaction.then(() => resolve(), () => resolve());
        return transaction;
      };
    });
    await consentAnswered;
    assert.ok((connection.nominated?.consentRequestsSent ?? 0) > 0, 'a consent request was sent');
    assert.ok(last, 'the consent request was built by buildRequest');
    await nextTurn(); // the consent loop's own handler of the answer runs first
    gc();
    await nextTurn();
    gc();
    assert.equal(last.deref(), undefined, 'the sent consent request was collected');
  } finally {
    await pair.close();
  }
});

/**
 * Sends a STUN Binding request from `from`'s nominated pair, as an ICE
 * keepalive check, and waits for the answer; with `transactionId`, a
 * retransmission of that request. Returns the request's transaction ID.
 */
async function sendBindingRequest(from: IceConnection, transactionId?: Buffer): Promise<Buffer> {
  const pair = from.nominated!;
  const { localUsername, remoteUsername, iceControlling } = from;
  const request = from.buildRequest({ nominate: false, localUsername, remoteUsername, iceControlling, localCandidate: pair.localCandidate }) as { transactionId: Buffer };
  if (transactionId) request.transactionId = transactionId;
  await pair.protocol.request(request, pair.remoteAddr, Buffer.from(from.remotePassword, 'utf8'), { retransmissions: 0, responseTimeout: 5_000 });
  return request.transactionId;
}

test('a candidate pair remembers the IDs of recent STUN requests only, and still spots a retransmission', { timeout: 20_000 }, async () => {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  try {
    const receiver = iceConnectionOf(pair.offererPc);
    const sender = iceConnectionOf(pair.answererPc);
    let last!: Buffer;
    for (let i = 0; i < 200; i++) last = await sendBindingRequest(sender);
    const sizes = receiver.checkList.map((candidatePair) => candidatePair.requestTransactionIds.size);
    assert.ok(Math.max(...sizes) <= 33, `request IDs kept per pair after 200 requests: ${sizes.join(', ')}`);
    const answered = receiver.nominated!;
    const retransmissions = answered.retransmissionsReceived;
    await sendBindingRequest(sender, last);
    assert.equal(answered.retransmissionsReceived, retransmissions + 1, 'the last request sent again counts as a retransmission');
    await exchange(pair);
  } finally {
    await pair.close();
  }
});

/** Concatenated strings (ropes) on the heap, after a full collection. */
async function concatenatedStrings(): Promise<number> {
  gc();
  const chunks: Buffer[] = [];
  for await (const chunk of getHeapSnapshot()) chunks.push(chunk as Buffer);
  const { snapshot: { meta }, nodes } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
    snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
    nodes: number[];
  };
  const width = meta.node_fields.length;
  const rope = meta.node_types[0].indexOf('concatenated string');
  let count = 0;
  for (let i = 0; i < nodes.length; i += width) if (nodes[i] === rope) count++;
  return count;
}

test('the ids werift gives candidates, pairs, transports and channels are not ropes', { timeout: 30_000 }, async () => {
  const pairs = [await connectPair('werift', 'werift', { reliable: {}, unreliable: {} })];
  try {
    const before = await concatenatedStrings();
    for (let i = 0; i < 4; i++) pairs.push(await connectPair('werift', 'werift', { reliable: {}, unreliable: {} }));
    const perConnection = (await concatenatedStrings() - before) / 8;
    // Each id made by randomUUID() was 14 concatenated strings: ~300 per peer connection.
    assert.ok(perConnection < 40, `concatenated strings per connected peer connection: ${perConnection}`);
    await exchange(pairs[4]!);
  } finally {
    await Promise.all(pairs.map((pair) => pair.close()));
  }
});
