// THE COMPATIBILITY GUARANTEE for original clients. A raw client written only
// from PROTOCOL.md — its own protobuf bytes (test/helpers/protobuf-wire.ts),
// libwebrtc's RTCPeerConnection (@roamhq/wrtc) and a bare `ws` WebSocket,
// nothing from shared/ or client/ — talks to an in-process Coordinator and
// CommServer, next to a client of our own library.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { once } from 'node:events';
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';
import { Coordinator } from '../../coordinator/index.js';
import { CommServer } from '../../commserver/index.js';
import { BrokerClient, type ReceivedMessage } from '../../client/index.js';
import { silentLogger } from '../../shared/log.js';
import { LOOPBACK, loopbackWerift } from '../helpers/loopback.js';
import { WireMessage, bytesField, doubleField, message, varintField } from '../helpers/protobuf-wire.js';
import { type RawChannel, rawChannel } from '../hostile/raw-peer.js';

// Numbers from PROTOCOL.md, written out here on purpose (no import of the project's enums).
const WELCOME = 1;
const CONNECT = 2;
const WEBRTC_OFFER = 3;
const WEBRTC_ANSWER = 4;
const WEBRTC_ICE_CANDIDATE = 5;
const PING = 6;
const SUBSCRIPTION = 7;
const AUTH = 8;
const TOPIC = 9;
const TOPIC_FW = 10;
const ROLE_CLIENT = 1;
const FORMAT_PLAIN = 1;

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

function opened(channel: RawChannel): Promise<RawChannel> {
  if (channel.dc.readyState === 'open') return Promise.resolve(channel);
  return new Promise((resolve, reject) => {
    channel.dc.addEventListener('open', () => resolve(channel), { once: true });
    channel.dc.addEventListener('close', () => reject(new Error(`${channel.dc.label} closed before opening`)), { once: true });
  });
}

/**
 * An original client, as PROTOCOL.md describes one: WELCOME, CONNECT, answer
 * the comm server's offer, trickle ICE both ways, take the two data channels.
 */
class RawClient {
  /** Every raw client not yet closed, so that a failed test still leaves nothing running. */
  static readonly open = new Set<RawClient>();
  readonly ws: WebSocket;
  readonly pc: RTCPeerConnection;
  alias = 0;
  serverAlias = 0;
  availableServers: number[] = [];
  /** Every frame type the coordinator sent us, in order. */
  readonly signalingTypes: number[] = [];
  readonly channels = new Map<string, Promise<RawChannel>>();
  #signaling: Promise<void> = Promise.resolve();
  #remoteSet = false;
  #remoteCandidates: RTCIceCandidateInit[] = [];
  #ownCandidates: RTCIceCandidateInit[] | undefined = [];
  #failure: Error | undefined;
  #fail!: (error: Error) => void;
  /** Rejects with the first signaling or socket failure, so that set-up fails fast instead of timing out. */
  readonly #failed = new Promise<never>((_, reject) => (this.#fail = reject));
  readonly #welcome: Promise<void>;
  readonly #channelsArrived: Promise<void>;

  private constructor(coordinatorUrl: string) {
    this.pc = new wrtc.RTCPeerConnection({ iceServers: [] });
    this.ws = new WebSocket(`${coordinatorUrl}/connect`);
    this.#failed.catch(() => {});
    this.ws.on('error', (error) => this.#recordFailure(error));

    let arrived!: () => void;
    this.#channelsArrived = new Promise((resolve) => (arrived = resolve));
    this.pc.ondatachannel = ({ channel }) => {
      this.channels.set(channel.label, opened(rawChannel(channel)));
      if (this.channels.has('reliable') && this.channels.has('unreliable')) arrived();
    };
    this.pc.onicecandidate = ({ candidate }) => {
      if (!candidate?.candidate) return;
      const init = candidate.toJSON();
      if (this.#ownCandidates) this.#ownCandidates.push(init);
      else this.#sendCandidate(init);
    };

    this.#welcome = new Promise((resolve, reject) => {
      this.ws.once('close', (code) => reject(new Error(`coordinator closed the socket (${code}) before WELCOME`)));
      this.ws.on('message', (data: Buffer) => {
        const frame = new Uint8Array(data);
        const wire = new WireMessage(frame);
        const type = wire.uint(1);
        this.signalingTypes.push(type);
        if (type === WELCOME) {
          this.alias = wire.uint(2);
          this.availableServers = wire.repeatedUint(3);
          resolve();
          return;
        }
        // Signaling steps run one after the other: a candidate waits for the offer before it.
        this.#signaling = this.#signaling
          .then(() => this.#onSignal(type, wire))
          .catch((error: Error) => this.#recordFailure(error));
      });
    });
  }

  /** Connects through the coordinator to the server WELCOME names; resolves with both channels open. */
  static async connect(coordinatorUrl: string): Promise<RawClient> {
    const client = new RawClient(coordinatorUrl);
    RawClient.open.add(client);
    await Promise.race([client.#welcome, client.#failed]);
    assert.equal(client.availableServers.length, 1, 'WELCOME names the one comm server');
    client.serverAlias = client.availableServers[0]!;
    client.ws.send(message(varintField(1, CONNECT), varintField(2, client.alias), varintField(3, client.serverAlias)));
    await Promise.race([client.#channelsArrived, client.#failed]);
    await Promise.race([Promise.all([client.channel('reliable'), client.channel('unreliable')]), client.#failed]);
    if (client.#failure) throw client.#failure;
    return client;
  }

  channel(label: 'reliable' | 'unreliable'): Promise<RawChannel> {
    const channel = this.channels.get(label);
    assert.ok(channel, `no ${label} channel`);
    return channel;
  }

  async send(label: 'reliable' | 'unreliable', frame: Uint8Array): Promise<void> {
    (await this.channel(label)).dc.send(new Uint8Array(frame));
  }

  async next(label: 'reliable' | 'unreliable'): Promise<WireMessage & { raw: Uint8Array }> {
    const raw = await (await this.channel(label)).frames.next();
    return Object.assign(new WireMessage(raw), { raw });
  }

  async #onSignal(type: number, wire: WireMessage): Promise<void> {
    assert.equal(wire.uint(2), this.serverAlias, 'signaling comes from our comm server');
    assert.equal(wire.uint(3), this.alias, 'signaling is addressed to us');
    const data = JSON.parse(text(wire.bytes(4))) as Record<string, unknown>;
    if (type === WEBRTC_OFFER) {
      assert.equal(data.type, 'offer');
      assert.equal(typeof data.sdp, 'string');
      await this.pc.setRemoteDescription({ type: 'offer', sdp: data.sdp as string });
      this.#remoteSet = true;
      for (const candidate of this.#remoteCandidates.splice(0)) await this.pc.addIceCandidate(candidate);
      await this.pc.setLocalDescription(await this.pc.createAnswer());
      const answer = { type: 'answer', sdp: this.pc.localDescription!.sdp };
      this.ws.send(message(
        varintField(1, WEBRTC_ANSWER), varintField(2, this.alias), varintField(3, this.serverAlias),
        bytesField(4, JSON.stringify(answer)),
      ));
      const held = this.#ownCandidates ?? [];
      this.#ownCandidates = undefined;
      for (const candidate of held) this.#sendCandidate(candidate);
    } else if (type === WEBRTC_ICE_CANDIDATE) {
      assert.equal(typeof data.candidate, 'string');
      const candidate = data as RTCIceCandidateInit;
      if (this.#remoteSet) await this.pc.addIceCandidate(candidate);
      else this.#remoteCandidates.push(candidate);
    } else {
      throw new Error(`unexpected signaling message type ${type}`);
    }
  }

  #recordFailure(error: Error): void {
    this.#failure ??= error;
    this.#fail(error);
  }

  #sendCandidate(candidate: RTCIceCandidateInit): void {
    this.ws.send(message(
      varintField(1, WEBRTC_ICE_CANDIDATE), varintField(2, this.alias), varintField(3, this.serverAlias),
      bytesField(4, JSON.stringify(candidate)),
    ));
  }

  assertHealthy(): void {
    if (this.#failure) throw this.#failure;
  }

  async close(): Promise<void> {
    RawClient.open.delete(this);
    this.pc.close();
    if (this.ws.readyState !== WebSocket.CLOSED) {
      const closed = once(this.ws, 'close');
      this.ws.close(1000);
      await closed;
    }
  }
}

const auth = (body: string): Uint8Array => message(varintField(1, AUTH), varintField(2, ROLE_CLIENT), bytesField(3, body));
const subscription = (topics: string): Uint8Array =>
  message(varintField(1, SUBSCRIPTION), varintField(2, FORMAT_PLAIN), bytesField(3, topics));
const ping = (time: number): Uint8Array => message(varintField(1, PING), doubleField(2, time));
const topic = (name: string, body: string, fromAlias?: number): Uint8Array =>
  message(varintField(1, TOPIC), ...(fromAlias === undefined ? [] : [varintField(2, fromAlias)]), bytesField(3, name), bytesField(4, body));

/** Resolves when the raw client notices its connection ended: the channel's close, or the peer connection down. */
/** Sends a PING on `reliable` and awaits the echo: everything sent before it on that ordered channel was processed. */
async function roundTrip(client: RawClient, time: number): Promise<void> {
  const frame = ping(time);
  await client.send('reliable', frame);
  const echo = await client.next('reliable');
  assert.equal(echo.uint(1), PING, 'the next frame is the PING echo');
  assert.deepEqual(echo.raw, frame, 'PING is echoed back unchanged');
}

/** The next message a BrokerClient receives. */
function nextMessage(client: BrokerClient): Promise<ReceivedMessage> {
  return new Promise((resolve) => client.once('message', resolve));
}

describe('an original client (raw protocol, libwebrtc) against our broker', () => {
  let coordinator: Coordinator;
  let server: CommServer;

  before(async () => {
    coordinator = await Coordinator.start({ host: LOOPBACK, port: 0, logger: silentLogger() });
    server = new CommServer({ coordinatorUrl: coordinator.url, rtc: loopbackWerift, logger: silentLogger() });
    const registered = once(server, 'registered');
    server.start();
    await registered;
  });

  after(async () => {
    await Promise.all([...RawClient.open].map((client) => client.close()));
    await server.close();
    await coordinator.close();
  });

  test('connects, authenticates, subscribes, receives, publishes and pings', { timeout: 60_000 }, async () => {
    const raw = await RawClient.connect(coordinator.url);
    let ours: BrokerClient | undefined;
    try {
      assert.equal(raw.signalingTypes[0], WELCOME);
      assert.equal(raw.serverAlias, server.alias);
      assert.ok(Number.isSafeInteger(raw.alias) && raw.alias > 0);

      const reliable = await raw.channel('reliable');
      const unreliable = await raw.channel('unreliable');
      assert.equal(reliable.dc.ordered, true);
      // libwebrtc's binding reports an unset maxRetransmits as 65535 rather than null.
      assert.ok([null, 65535].includes(reliable.dc.maxRetransmits), `reliable maxRetransmits ${reliable.dc.maxRetransmits}`);
      assert.equal(unreliable.dc.ordered, false);
      assert.equal(unreliable.dc.maxRetransmits, 0);

      // AUTH first on reliable, then the subscription; the PING echo proves both were processed.
      await raw.send('reliable', auth('raw-client'));
      await raw.send('reliable', subscription('a b'));
      await roundTrip(raw, 1234.5);

      ours = await BrokerClient.connect({ coordinatorUrl: coordinator.url, rtc: loopbackWerift });
      assert.equal(ours.serverAlias, raw.serverAlias);
      ours.subscribe('b');
      await ours.ping();

      // Our client publishes on 'a': the raw client receives TOPIC_FW, and only the fields it knows plus topic = 4.
      ours.publish('a', 'hello raw');
      const forwarded = await raw.next('reliable');
      assert.equal(forwarded.uint(1), TOPIC_FW);
      assert.equal(forwarded.uint(2), ours.alias, 'from_alias is the publisher');
      assert.equal(text(forwarded.bytes(3)), 'hello raw');
      assert.equal(forwarded.string(4), 'a', 'extension field 4: the topic (an original client ignores it)');
      assert.deepEqual([...new Set(forwarded.fields.map((f) => f.field))].sort(), [1, 2, 3, 4]);

      // The raw client publishes on 'b' (with a spoofed from_alias, which the server must overwrite).
      const received = nextMessage(ours);
      await raw.send('reliable', topic('b', 'hello ours', 424242));
      const got = await received;
      assert.equal(got.topic, 'b');
      assert.equal(got.from, raw.alias);
      assert.equal(text(got.body), 'hello ours');
      assert.equal(got.reliable, true);

      // A client does not get its own message back, even on a topic it subscribed to.
      await raw.send('reliable', topic('a', 'to nobody else'));
      await roundTrip(raw, 42.25);

      // A message goes out on the channel it came in on.
      ours.publish('a', 'unreliable hello', { reliable: false });
      const unreliableForward = await raw.next('unreliable');
      assert.equal(unreliableForward.uint(1), TOPIC_FW);
      assert.equal(unreliableForward.uint(2), ours.alias);
      assert.equal(text(unreliableForward.bytes(3)), 'unreliable hello');

      // A new full set replaces the old one: after SUBSCRIPTION "b", 'a' no longer reaches the raw client.
      await raw.send('reliable', subscription('b'));
      await roundTrip(raw, 7);
      ours.publish('a', 'not for raw');
      await ours.ping();
      const fromOurs = nextMessage(ours);
      await raw.send('reliable', topic('b', 'still here'));
      assert.equal(text((await fromOurs).body), 'still here');
      await roundTrip(raw, 8);

      raw.assertHealthy();
    } finally {
      ours?.close();
      await raw.close();
    }
  });

  // The bound is far below ICE consent expiry (30 s): the channel closes because the server's SCTP ABORT arrives.
  test('a TOPIC before AUTH closes the connection', { timeout: 10_000 }, async () => {
    const raw = await RawClient.connect(coordinator.url);
    try {
      const serverClosed = new Promise<string>((resolve) => {
        const onClosed = (peer: { alias: number }, reason: string): void => {
          if (peer.alias !== raw.alias) return;
          server.off('peerClosed', onClosed);
          resolve(reason);
        };
        server.on('peerClosed', onClosed);
      });
      const reliable = await raw.channel('reliable');
      await raw.send('reliable', topic('a', 'too early'));
      assert.equal(await serverClosed, 'protocol-error');
      assert.equal(server.peers.has(raw.alias), false);
      await reliable.closed;
      assert.equal(reliable.dc.readyState, 'closed');
    } finally {
      await raw.close();
    }
  });
});
