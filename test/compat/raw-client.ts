// An original client, written only from PROTOCOL.md: its own protobuf bytes
// (test/helpers/protobuf-wire.ts), libwebrtc's RTCPeerConnection
// (@roamhq/wrtc) and a bare `ws` WebSocket, nothing from shared/ or client/.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import wrtc from '@roamhq/wrtc';
import { WebSocket } from 'ws';
import { WireMessage, bytesField, doubleField, message, varintField } from '../helpers/protobuf-wire.js';
import { type RawChannel, rawChannel } from '../hostile/raw-peer.js';

// Numbers from PROTOCOL.md, written out here on purpose (no import of the project's enums).
export const WELCOME = 1;
export const CONNECT = 2;
export const WEBRTC_OFFER = 3;
export const WEBRTC_ANSWER = 4;
export const WEBRTC_ICE_CANDIDATE = 5;
export const PING = 6;
export const SUBSCRIPTION = 7;
export const AUTH = 8;
export const TOPIC = 9;
export const TOPIC_FW = 10;
export const ROLE_CLIENT = 1;
export const FORMAT_PLAIN = 1;

export const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);

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
export class RawClient {
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

export const auth = (body: string): Uint8Array => message(varintField(1, AUTH), varintField(2, ROLE_CLIENT), bytesField(3, body));
export const subscription = (topics: string): Uint8Array =>
  message(varintField(1, SUBSCRIPTION), varintField(2, FORMAT_PLAIN), bytesField(3, topics));
export const ping = (time: number): Uint8Array => message(varintField(1, PING), doubleField(2, time));
export const topic = (name: string, body: string, fromAlias?: number): Uint8Array =>
  message(varintField(1, TOPIC), ...(fromAlias === undefined ? [] : [varintField(2, fromAlias)]), bytesField(3, name), bytesField(4, body));

/** Sends a PING on `reliable` and awaits the echo: everything sent before it on that ordered channel was processed. */
export async function roundTrip(client: RawClient, time: number): Promise<void> {
  const frame = ping(time);
  await client.send('reliable', frame);
  const echo = await client.next('reliable');
  assert.equal(echo.uint(1), PING, 'the next frame is the PING echo');
  assert.deepEqual(echo.raw, frame, 'PING is echoed back unchanged');
}

