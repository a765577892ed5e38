// A hostile peer for tests: a bare `ws` WebSocket to the coordinator and a
// bare werift peer connection to a comm server, driven by hand as in
// test/compat/raw-client.test.ts, so a test can put any bytes on the
// coordinator socket or on either data channel. Nothing from client/ or
// shared/ is used: the library would refuse to send most of what these tests
// send. (Not libwebrtc, as the compat test: @roamhq/wrtc segfaults the test
// process within a few dozen peers that the server closes while they send.)
import { RTCPeerConnection as WeriftPeerConnection } from '#werift';
import { WebSocket } from 'ws';
import { WireMessage, bytesField, doubleField, message, varintField } from '../helpers/protobuf-wire.js';

export const T = {
  WELCOME: 1, CONNECT: 2, WEBRTC_OFFER: 3, WEBRTC_ANSWER: 4, WEBRTC_ICE_CANDIDATE: 5, PING: 6, SUBSCRIPTION: 7,
  AUTH: 8, TOPIC: 9, TOPIC_FW: 10, TOPIC_IDENTITY: 11, TOPIC_IDENTITY_FW: 12, CONNECTION_REFUSED: 13, ERROR: 14,
  BATCH: 15, DRAIN: 16, ACK: 17, GOODBYE: 18, RECOVER: 19, RECOVERED: 20, HISTORY: 21, PRESENCE: 22, MEMBERS: 23, MEMBER_DELTA: 24,
  DIRECT: 25, DIRECT_RESULT: 26, DIRECTORY: 27, KICK: 28, KICKED: 29,
} as const;
export const ROLE = { CLIENT: 1, COMMUNICATION_SERVER: 2, COMMUNICATION_SERVER_HUB: 3 } as const;
export const FORMAT_PLAIN = 1;
export const FORMAT_GZIP = 2;

export type Label = 'reliable' | 'unreliable';

/** SCTP payload protocol of DCEP, and its DATA_CHANNEL_OPEN message type (RFC 8832). */
const DCEP = 50;
const DCEP_OPEN = 0x03;

/**
 * How a candidate is sent: as the peer connection gives it, or as the
 * original's Go clients send theirs (pion's `ICECandidate.ToJSON()`: an empty
 * sdpMid, line index 0, no username fragment; shared research PION-CLIENTS.md).
 */
export type CandidateForm = 'as-given' | 'pion';

function candidateIn(form: CandidateForm, init: RTCIceCandidateInit): RTCIceCandidateInit {
  return form === 'pion' ? { candidate: init.candidate, sdpMid: '', sdpMLineIndex: 0, usernameFragment: null } : init;
}

export const frames = {
  auth: (body = 'hostile', role: number = ROLE.CLIENT, extensions: string[] = []): Uint8Array =>
    message(varintField(1, T.AUTH), varintField(2, role), bytesField(3, body), ...extensions.map((extension) => bytesField(5, extension))),
  subscription: (topics: Uint8Array | string, format = FORMAT_PLAIN): Uint8Array =>
    message(varintField(1, T.SUBSCRIPTION), varintField(2, format), bytesField(3, topics)),
  ping: (time: number): Uint8Array => message(varintField(1, T.PING), doubleField(2, time)),
  topic: (topic: string, body: Uint8Array | string, fromAlias?: number): Uint8Array => message(
    varintField(1, T.TOPIC), ...(fromAlias === undefined ? [] : [varintField(2, fromAlias)]), bytesField(3, topic), bytesField(4, body),
  ),
  /** A TOPIC numbered for the `ack` extension. */
  numberedTopic: (topic: string, body: string, publisher: Uint8Array, seq: number): Uint8Array => message(
    varintField(1, T.TOPIC), bytesField(3, topic), bytesField(4, body), bytesField(5, publisher), varintField(6, seq),
  ),
  /** A TOPIC numbered for the `ack` extension, with its number on the topic for `recover`. */
  topicNumberedOnTopic: (topic: string, body: string, publisher: Uint8Array, seq: number, topicSeq: number): Uint8Array => message(
    varintField(1, T.TOPIC), bytesField(3, topic), bytesField(4, body), bytesField(5, publisher), varintField(6, seq), varintField(7, topicSeq),
  ),
  /** A RECOVER: what was missed on `topic` after `positions` (the `recover` extension). */
  recover: (topic: string, positions: Array<{ publisher: Uint8Array; topicSeq: number }>, sinceMs = 0): Uint8Array => message(
    varintField(1, T.RECOVER), bytesField(2, topic),
    ...positions.map(({ publisher, topicSeq }) => bytesField(3, message(bytesField(1, publisher), varintField(2, topicSeq)))),
    varintField(4, sinceMs),
  ),
  /** A PRESENCE request (the `presence` extension). */
  presence: (requestId: number, topic: string): Uint8Array => message(varintField(1, T.PRESENCE), varintField(2, requestId), bytesField(3, topic)),
  /** A MEMBER_DELTA as one server sends another: `full`, one topic, members joined by alias. */
  memberDelta: (topic: string, aliases: number[], full = false): Uint8Array => message(
    varintField(1, T.MEMBER_DELTA), varintField(2, full ? 1 : 0),
    bytesField(3, message(bytesField(1, topic), ...aliases.map((alias) => bytesField(2, message(varintField(1, alias), varintField(3, 1)))))),
  ),
  /** A DIRECT (the `direct` extension) to an alias or an identity; `from` as a forger would set it. */
  direct: (
    { toAlias = 0, toIdentity = '', body, requestId = 0, fromAlias = 0, fromIdentity = '' }:
    { toAlias?: number; toIdentity?: string; body: Uint8Array | string; requestId?: number; fromAlias?: number; fromIdentity?: string },
  ): Uint8Array => message(
    varintField(1, T.DIRECT), varintField(2, requestId), varintField(3, toAlias), bytesField(4, toIdentity), bytesField(5, body),
    varintField(6, fromAlias), bytesField(7, fromIdentity),
  ),
  /** A DIRECTORY as one server sends another: clients by alias and identity. */
  directory: (entries: Array<[alias: number, identity: string]>, full = false): Uint8Array => message(
    varintField(1, T.DIRECTORY), varintField(2, full ? 1 : 0),
    ...entries.map(([alias, identity]) => bytesField(3, message(varintField(1, alias), bytesField(2, identity)))),
  ),
  directResult: (requestId: number, error = ''): Uint8Array => message(varintField(1, T.DIRECT_RESULT), varintField(2, requestId), bytesField(3, error)),
  topicIdentity: (topic: string, body: string, identity: string, fromAlias: number): Uint8Array => message(
    varintField(1, T.TOPIC_IDENTITY), varintField(2, fromAlias), bytesField(3, topic), bytesField(4, identity), varintField(5, 2), bytesField(6, body),
  ),
  connect: (fromAlias: number, toAlias: number): Uint8Array => message(varintField(1, T.CONNECT), varintField(2, fromAlias), varintField(3, toAlias)),
  webRtc: (type: number, fromAlias: number, toAlias: number, data: Uint8Array | string): Uint8Array =>
    message(varintField(1, type), varintField(2, fromAlias), varintField(3, toAlias), bytesField(4, data)),
};

/** Frames in arrival order; `next` awaits the next one (bounded by a timeout) instead of sleeping. */
export class FrameQueue {
  readonly #frames: Uint8Array[] = [];
  readonly #waiters: Array<(frame: Uint8Array | Error) => void> = [];
  #ended: Error | undefined;

  push(frame: Uint8Array): void {
    const waiter = this.#waiters.shift();
    if (waiter) waiter(frame);
    else this.#frames.push(frame);
  }

  end(error: Error): void {
    this.#ended ??= error;
    for (const waiter of this.#waiters.splice(0)) waiter(error);
  }

  next(timeoutMs = 10_000): Promise<Uint8Array> {
    const frame = this.#frames.shift();
    if (frame) return Promise.resolve(frame);
    if (this.#ended) return Promise.reject(this.#ended);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#waiters.splice(this.#waiters.indexOf(done), 1);
        reject(new Error(`no frame within ${timeoutMs} ms`));
      }, timeoutMs);
      const done = (value: Uint8Array | Error) => {
        clearTimeout(timer);
        if (value instanceof Error) reject(value);
        else resolve(value);
      };
      this.#waiters.push(done);
    });
  }

  drain(): Uint8Array[] {
    return this.#frames.splice(0);
  }
}

/** A raw WebSocket to the coordinator: WELCOME read, then any bytes. */
export class RawSocket {
  static readonly open = new Set<RawSocket>();
  readonly ws: WebSocket;
  readonly frames = new FrameQueue();
  alias = 0;
  servers: number[] = [];
  closeCode: number | undefined;
  readonly closed: Promise<number>;

  private constructor(url: string) {
    this.ws = new WebSocket(url);
    this.ws.on('error', () => undefined);
    this.ws.on('message', (data: Buffer) => this.frames.push(new Uint8Array(data)));
    this.closed = new Promise((resolve) => this.ws.once('close', (code) => {
      this.closeCode = code;
      this.frames.end(new Error(`coordinator socket closed (${code})`));
      RawSocket.open.delete(this);
      resolve(code);
    }));
  }

  /** Opens `${coordinatorUrl}/connect` (or another path) and reads WELCOME. */
  static async connect(coordinatorUrl: string, path = '/connect'): Promise<RawSocket> {
    const socket = new RawSocket(`${coordinatorUrl}${path}`);
    RawSocket.open.add(socket);
    const welcome = new WireMessage(await socket.frames.next());
    if (welcome.uint(1) !== T.WELCOME) throw new Error(`expected WELCOME, got type ${welcome.uint(1)}`);
    socket.alias = welcome.uint(2);
    socket.servers = welcome.repeatedUint(3);
    return socket;
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(frame: Uint8Array | string): void {
    this.ws.send(frame);
  }

  async close(): Promise<void> {
    if (this.ws.readyState === WebSocket.CLOSED) return;
    this.ws.close(1000);
    await this.closed;
  }
}

/** One data channel of a raw peer. */
export interface RawChannel {
  readonly dc: RTCDataChannel;
  readonly frames: FrameQueue;
  readonly closed: Promise<void>;
}

export function rawChannel(dc: RTCDataChannel): RawChannel {
  dc.binaryType = 'arraybuffer';
  const queue = new FrameQueue();
  dc.addEventListener('message', (event: MessageEvent<ArrayBuffer | string>) => {
    queue.push(typeof event.data === 'string' ? new TextEncoder().encode(event.data) : new Uint8Array(event.data));
  });
  const closed = new Promise<void>((resolve) => dc.addEventListener('close', () => {
    queue.end(new Error(`channel ${dc.label} closed`));
    resolve();
  }));
  return { dc, frames: queue, closed };
}

/**
 * A client that connects to a comm server by the protocol, by hand, and then
 * sends whatever the test wants on its data channels. AUTH is up to the test.
 */
export class RawPeer {
  static readonly open = new Set<RawPeer>();
  readonly socket: RawSocket;
  readonly pc: RTCPeerConnection;
  serverAlias = 0;
  readonly #channels = new Map<string, RawChannel>();
  #remoteSet = false;
  #early: RTCIceCandidateInit[] = [];
  #own: RTCIceCandidateInit[] | undefined = [];
  #signaling: Promise<void> = Promise.resolve();

  readonly #candidateForm: CandidateForm;
  /** Set while the server's DCEP OPEN of `reliable` (and anything after it on that stream) is held back. */
  #heldReliable: Array<[streamId: number, ppId: number, data: Buffer]> | undefined;
  #reliableStream: number | undefined;

  private constructor(socket: RawSocket, candidateForm: CandidateForm, holdReliable: boolean) {
    this.socket = socket;
    this.#candidateForm = candidateForm;
    if (holdReliable) this.#heldReliable = [];
    this.pc = new WeriftPeerConnection({
      iceServers: [], iceUseIpv6: false, iceInterfaceAddresses: { udp4: '127.0.0.1' }, iceAdditionalHostAddresses: ['127.0.0.1'],
    }) as unknown as RTCPeerConnection;
    this.pc.onicecandidate = ({ candidate }) => {
      if (!candidate?.candidate) return;
      const init = candidate.toJSON();
      if (this.#own) this.#own.push(init);
      else this.#sendCandidate(init);
    };
  }

  get alias(): number {
    return this.socket.alias;
  }

  /**
   * Connects through the coordinator to the comm server its WELCOME names (or
   * `serverAlias`); resolves with both channels open. With `unreliableFirst`,
   * `unreliable` opens first, as it may for a pion bot: the server's DCEP OPEN
   * of `reliable` is held back until `unreliableFirst`, called as soon as
   * `unreliable` is open, resolves.
   */
  static async connect(
    coordinatorUrl: string,
    { serverAlias, timeoutMs = 15_000, candidates = 'as-given', unreliableFirst }: {
      serverAlias?: number; timeoutMs?: number; candidates?: CandidateForm; unreliableFirst?: (peer: RawPeer) => Promise<void>;
    } = {},
  ): Promise<RawPeer> {
    const socket = await RawSocket.connect(coordinatorUrl);
    const peer = new RawPeer(socket, candidates, unreliableFirst !== undefined);
    RawPeer.open.add(peer);
    try {
      peer.serverAlias = serverAlias ?? socket.servers[0]!;
      const channels = new Promise<void>((resolve, reject) => {
        peer.pc.ondatachannel = ({ channel }) => {
          const raw = rawChannel(channel);
          peer.#channels.set(channel.label, raw);
          const opened = () => {
            if (unreliableFirst && channel.label === 'unreliable') {
              unreliableFirst(peer).then(() => peer.#releaseHeld(), reject);
            }
            if ([...peer.#channels.values()].filter((c) => c.dc.readyState === 'open').length === 2) resolve();
          };
          if (channel.readyState === 'open') opened();
          else channel.addEventListener('open', opened);
          channel.addEventListener('close', () => reject(new Error(`${channel.label} closed before both opened`)));
        };
      });
      const pump = (async () => {
        for (;;) {
          let frame: Uint8Array;
          try {
            frame = await socket.frames.next(timeoutMs);
          } catch {
            return;
          }
          peer.#signaling = peer.#signaling.then(() => peer.#onSignal(new WireMessage(frame))).catch(() => undefined);
        }
      })();
      void pump;
      socket.send(frames.connect(socket.alias, peer.serverAlias));
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        channels,
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('raw peer did not connect in time')), timeoutMs))),
      ]).finally(() => clearTimeout(timer));
      return peer;
    } catch (error) {
      await peer.close();
      throw error;
    }
  }

  /** Connects and sends AUTH (announcing `extensions`); a PING round trip proves the server admitted it. */
  static async authenticated(coordinatorUrl: string, options: { serverAlias?: number; extensions?: string[] } = {}): Promise<RawPeer> {
    const peer = await RawPeer.connect(coordinatorUrl, options);
    peer.send('reliable', frames.auth('hostile', ROLE.CLIENT, options.extensions));
    await peer.roundTrip();
    return peer;
  }

  /** Whether the server's channel `label` has reached this peer yet. */
  has(label: Label): boolean {
    return this.#channels.has(label);
  }

  channel(label: Label): RawChannel {
    const channel = this.#channels.get(label);
    if (!channel) throw new Error(`no ${label} channel`);
    return channel;
  }

  /** Whether both channels are still open. */
  get isOpen(): boolean {
    return [...this.#channels.values()].every((channel) => channel.dc.readyState === 'open') && this.#channels.size === 2;
  }

  /** Resolves when either channel closes (the server's SCTP ABORT or the peer connection going down). */
  get closed(): Promise<void> {
    return Promise.race([this.channel('reliable').closed, this.channel('unreliable').closed]);
  }

  /**
   * Lets this peer send messages of any size, as a peer that ignores the
   * server's `a=max-message-size` does (werift checks it on send).
   */
  ignoreMaxMessageSize(): void {
    const sctp = (this.pc as unknown as WeriftPeerConnection).sctpTransport;
    if (!sctp) throw new Error('no SCTP transport yet');
    sctp.setRemoteMaxMessageSize(0);
  }

  /** Sends on an open channel; throws once it is closing (libwebrtc may crash on a send to a closing channel). */
  send(label: Label, frame: Uint8Array): void {
    const { dc } = this.channel(label);
    if (dc.readyState !== 'open') throw new Error(`${label} is ${dc.readyState}`);
    dc.send(new Uint8Array(frame));
  }

  /**
   * Sends a PING on `reliable` and awaits its echo, skipping other frames:
   * everything sent before it on that ordered channel was processed.
   */
  async roundTrip(time = Math.random(), timeoutMs = 10_000): Promise<void> {
    const frame = frames.ping(time);
    this.send('reliable', frame);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      // Byte for byte: the server echoes any PING unchanged, malformed ones a test sent included.
      const got = await this.channel('reliable').frames.next(Math.max(1, deadline - Date.now()));
      if (got.length === frame.length && got.every((byte, i) => byte === frame[i])) return;
    }
  }

  async #onSignal(wire: WireMessage): Promise<void> {
    const type = wire.uint(1);
    if (wire.uint(2) !== this.serverAlias) return;
    const data = JSON.parse(new TextDecoder().decode(wire.bytes(4))) as Record<string, unknown>;
    if (type === T.WEBRTC_OFFER) {
      await this.pc.setRemoteDescription({ type: 'offer', sdp: data.sdp as string });
      if (this.#heldReliable) this.#holdReliable();
      this.#remoteSet = true;
      for (const candidate of this.#early.splice(0)) await this.pc.addIceCandidate(candidate);
      await this.pc.setLocalDescription(await this.pc.createAnswer());
      this.socket.send(frames.webRtc(T.WEBRTC_ANSWER, this.alias, this.serverAlias,
        JSON.stringify({ type: 'answer', sdp: this.pc.localDescription!.sdp })));
      const held = this.#own ?? [];
      this.#own = undefined;
      for (const candidate of held) this.#sendCandidate(candidate);
    } else if (type === T.WEBRTC_ICE_CANDIDATE) {
      if (this.#remoteSet) await this.pc.addIceCandidate(data as RTCIceCandidateInit);
      else this.#early.push(data as RTCIceCandidateInit);
    }
  }

  /** Intercepts what the SCTP association hands to the data channels: DCEP OPEN of `reliable` and its stream wait. */
  #holdReliable(): void {
    const sctp = (this.pc as unknown as WeriftPeerConnection).sctpTransport!.sctp as unknown as {
      receive(streamId: number, ppId: number, data: Buffer): void;
    };
    const receive = sctp.receive.bind(sctp);
    sctp.receive = (streamId, ppId, data) => {
      const held = this.#heldReliable;
      if (held && ppId === DCEP && data[0] === DCEP_OPEN && data.length >= 12) {
        const label = data.subarray(12, 12 + data.readUInt16BE(8)).toString('utf8');
        if (label === 'reliable') this.#reliableStream = streamId;
      }
      if (held && streamId === this.#reliableStream) held.push([streamId, ppId, data]);
      else receive(streamId, ppId, data);
    };
    this.#releaseHeld = () => {
      const held = this.#heldReliable ?? [];
      this.#heldReliable = undefined;
      for (const [streamId, ppId, data] of held) receive(streamId, ppId, data);
    };
  }

  #releaseHeld: () => void = () => undefined;

  #sendCandidate(candidate: RTCIceCandidateInit): void {
    const sent = candidateIn(this.#candidateForm, candidate);
    if (this.socket.isOpen) this.socket.send(frames.webRtc(T.WEBRTC_ICE_CANDIDATE, this.alias, this.serverAlias, JSON.stringify(sent)));
  }

  async close(): Promise<void> {
    RawPeer.open.delete(this);
    this.pc.close();
    await this.socket.close();
  }

  /** Closes every raw peer and socket a test left open. */
  static async closeAll(): Promise<void> {
    await Promise.all([...RawPeer.open].map((peer) => peer.close()));
    await Promise.all([...RawSocket.open].map((socket) => socket.close()));
  }
}
