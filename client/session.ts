// One connection of a client: the coordinator handshake (WELCOME, CONNECT)
// and the RTC session with the comm server it was given, up to an
// authenticated pair of data channels.
import {
  ACK_EXTENSION, Auth, BATCH_EXTENSION, DIRECT_EXTENSION, DRAIN_EXTENSION, PRESENCE_EXTENSION, ConnectionRefused, Goodbye, ConnectionRefusedReason, Connect, MessageType, Ping, Role, WebRtc, Welcome,
  decodeJson, encodeJson, peekType,
} from '../shared/codec.js';
import { Negotiation } from '../shared/negotiation.js';
import {
  channelErrorDetail, channelKindOf, messageBytes,
  type ChannelKind, type DataChannelLike, type IceServer, type PeerConnectionLike, type RtcFactory,
} from '../shared/rtc.js';
import { isBatch, readBatch } from '../shared/reader.js';
import { webSocketChannels } from '../shared/websocket-channel.js';
import { ChannelWriter } from '../shared/writer.js';
import { BrokerClientError, type BrokerClientErrorCode } from './errors.js';
import type { OutboxTarget } from './outbox.js';
import type { WebSocketConstructor, WebSocketLike } from './runtime.js';

export interface SessionOptions {
  coordinatorUrl: string;
  rtc: RtcFactory;
  WebSocket: WebSocketConstructor;
  iceServers: IceServer[];
  /** The AUTH body; undefined: the coordinator's token from WELCOME, if it sent one, else empty. */
  authBody: Uint8Array | undefined;
  authQuery: Record<string, string>;
  connectTimeoutMs: number;
  reliableQueueBytes: number;
  unreliableQueueBytes: number;
  sendWindowBytes: number;
  /** Interval of the liveness PING once established; 0 turns liveness off. */
  heartbeatIntervalMs: number;
  /** The session is declared dead after this long without any frame from the server. */
  heartbeatTimeoutMs: number;
  /** `auto`: WebRTC, and the server's WebSocket endpoint if the peer connection is not up within `webrtcTimeoutMs` of the offer. */
  transport: Transport;
  webrtcTimeoutMs: number;
  /** Announce the batch extension in AUTH; false: the server sends every message on its own, as to the original's clients. */
  batch: boolean;
  /** 16 random bytes naming the client object across re-homing: its membership in topics (presence). */
  clientId: Uint8Array;
}

export const TRANSPORTS = ['auto', 'webrtc', 'websocket'] as const;
export type Transport = typeof TRANSPORTS[number];

export interface SessionHandlers {
  onFrame: (channel: ChannelKind, frame: Uint8Array) => void;
  onClose: (error: BrokerClientError) => void;
}

export class Session implements OutboxTarget {
  alias = 0;
  serverAlias = 0;
  /** Extensions the comm server announced after our AUTH (ours understand "batch" and "ack"); empty for the original server. */
  serverExtensions: ReadonlySet<string> = new Set();
  /** The client message rate the comm server announced (0: none announced). */
  messageRate = { perSecond: 0, burst: 0 };
  /** How the session reached its comm server. */
  transport: 'webrtc' | 'websocket' = 'webrtc';
  /** The comm server's WebSocket endpoint, from WELCOME, if it has one. */
  #serverUrl: string | undefined;
  #fallbackTimer: ReturnType<typeof setTimeout> | undefined;
  #webRtcAbandoned = false;
  /** The coordinator's client token (WELCOME field 5), empty when it issues none. */
  #token: Uint8Array = new Uint8Array(0);
  #options: SessionOptions;
  #socket: WebSocketLike | undefined;
  #pc: PeerConnectionLike | undefined;
  #negotiation: Negotiation | undefined;
  #channels = new Map<ChannelKind, DataChannelLike>();
  #writers = new Map<ChannelKind, ChannelWriter>();
  #established = false;
  #closed = false;
  #framesReceived = 0;
  #heartbeat: ReturnType<typeof setInterval> | undefined;
  #handlers: SessionHandlers | undefined;
  #settle: { resolve: () => void; reject: (error: BrokerClientError) => void } | undefined;

  private constructor(options: SessionOptions) {
    this.#options = options;
  }

  /** Resolves once the comm server accepted our AUTH; rejects with a BrokerClientError. */
  static async open(options: SessionOptions): Promise<Session> {
    const session = new Session(options);
    await session.#establish();
    return session;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Whether the comm server acknowledges numbered reliable messages. */
  get acknowledges(): boolean {
    return this.serverExtensions.has(ACK_EXTENSION);
  }

  /** Where frames and the end of the session go once it is established. */
  setHandlers(handlers: SessionHandlers): void {
    this.#handlers = handlers;
  }

  /** Sends a frame; false if the channel's queue refused it. */
  send(channel: ChannelKind, frame: Uint8Array): boolean {
    const writer = this.#writers.get(channel);
    return writer !== undefined && !this.#closed && writer.write(frame);
  }

  close(error = new BrokerClientError('CLOSED', 'client closed')): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    clearTimeout(this.#fallbackTimer);
    this.#socket?.close(1000);
    for (const channel of this.#channels.values()) channel.close();
    try {
      this.#pc?.close();
    } catch {
      // already closed
    }
    if (this.#settle) this.#settle.reject(error);
    else this.#handlers?.onClose(error);
  }

  #establish(): Promise<void> {
    const { connectTimeoutMs } = this.#options;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => this.close(new BrokerClientError('TIMEOUT', `no connection to a comm server within ${connectTimeoutMs} ms`)),
        connectTimeoutMs,
      );
      this.#settle = {
        resolve: () => {
          clearTimeout(timer);
          this.#settle = undefined;
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          this.#settle = undefined;
          reject(error);
        },
      };
      this.#openCoordinatorSocket();
    });
  }

  #openCoordinatorSocket(): void {
    const url = new URL('/connect', this.#options.coordinatorUrl);
    for (const [key, value] of Object.entries(this.#options.authQuery)) url.searchParams.set(key, value);
    const socket = new this.#options.WebSocket(url.toString());
    this.#socket = socket;
    socket.binaryType = 'arraybuffer';
    socket.onerror = (event) => {
      if (this.#established) return;
      const detail = event.message ?? (event.error as Error | undefined)?.message ?? 'connection failed';
      const refused = / 40[13]\b/.test(detail);
      this.close(new BrokerClientError(
        refused ? 'COORDINATOR_REFUSED' : 'COORDINATOR_UNREACHABLE',
        `coordinator ${this.#options.coordinatorUrl}: ${detail}`,
      ));
    };
    socket.onclose = () => {
      // After set-up the coordinator is only needed for late ICE candidates: losing it is harmless.
      if (!this.#established) this.close(new BrokerClientError('COORDINATOR_UNREACHABLE', 'coordinator closed the connection during set-up'));
    };
    socket.onmessage = (event) => {
      const frame = messageBytes(event.data);
      if (!frame) return;
      try {
        this.#onSignal(frame);
      } catch (error) {
        this.close(error instanceof BrokerClientError
          ? error
          : new BrokerClientError('NEGOTIATION_FAILED', (error as Error).message, { cause: error }));
      }
    };
  }

  #onSignal(frame: Uint8Array): void {
    switch (peekType(frame)) {
      case MessageType.WELCOME: {
        const welcome = Welcome.decode(frame);
        this.alias = welcome.alias;
        if (welcome.token?.length) this.#token = welcome.token;
        const server = welcome.availableServers[0];
        if (!server) throw new BrokerClientError('NO_SERVER', 'the coordinator has no comm server available');
        this.serverAlias = server;
        this.#serverUrl = welcome.serverUrls[0] || undefined;
        this.#connect();
        return;
      }
      case MessageType.WEBRTC_OFFER:
      case MessageType.WEBRTC_ICE_CANDIDATE:
        this.#onWebRtc(frame);
        return;
      case MessageType.CONNECTION_REFUSED: {
        const { reason } = ConnectionRefused.decode(frame);
        const code = REFUSALS.get(reason) ?? 'CONNECTION_REFUSED';
        // The coordinator refuses a banned identity before WELCOME, so before a server was named.
        const who = this.serverAlias === 0 ? 'the coordinator' : `comm server ${this.serverAlias}`;
        throw new BrokerClientError(code, `${who} refused the connection (${ConnectionRefusedReason[reason]})`);
      }
      default:
        // Unknown or irrelevant signaling is ignored, never fatal.
    }
  }

  #connect(): void {
    if (this.#options.transport === 'websocket') {
      this.#webRtcAbandoned = true;
      this.#openWebSocket();
      return;
    }
    this.#signal(Connect.encode({ type: MessageType.CONNECT, fromAlias: this.alias, toAlias: this.serverAlias }));
  }

  /**
   * `auto`: the WebSocket endpoint if the peer connection is not up within
   * `webrtcTimeoutMs` of the server's offer. The offer, not our CONNECT,
   * starts the clock: a server busy with a storm of set-ups holds CONNECTs
   * back (--max-pending-setups), and a client waiting its turn has not
   * found UDP blocked.
   */
  #startFallbackTimer(): void {
    const { transport, webrtcTimeoutMs } = this.#options;
    if (transport !== 'auto' || !this.#serverUrl) return;
    this.#fallbackTimer = setTimeout(() => this.#fallBackToWebSocket(), webrtcTimeoutMs);
  }

  /** WebRTC did not come up in time (UDP blocked, no TURN): drop it and use the server's WebSocket endpoint. */
  #fallBackToWebSocket(): void {
    if (this.#established || this.#closed) return;
    this.#webRtcAbandoned = true;
    const pc = this.#pc;
    const channels = [...this.#channels.values()];
    this.#pc = undefined;
    this.#negotiation = undefined;
    this.#channels.clear();
    this.#writers.clear();
    for (const channel of channels) channel.close();
    try {
      pc?.close();
    } catch {
      // already closed
    }
    this.#openWebSocket();
  }

  #openWebSocket(): void {
    if (!this.#serverUrl) throw new BrokerClientError('NEGOTIATION_FAILED', `comm server ${this.serverAlias} has no WebSocket endpoint`);
    const url = new URL(this.#serverUrl);
    url.searchParams.set('alias', String(this.alias));
    const socket = new this.#options.WebSocket(url.toString());
    const failed = () => {
      if (!this.#established) this.close(new BrokerClientError('NEGOTIATION_FAILED', `WebSocket to comm server ${this.serverAlias} failed`));
    };
    socket.onerror = failed;
    socket.onclose = failed;
    socket.onopen = () => {
      socket.onerror = null;
      socket.onclose = null;
      this.transport = 'websocket';
      const { reliable, unreliable } = webSocketChannels(socket);
      this.#attach(reliable);
      this.#attach(unreliable);
    };
  }

  #onWebRtc(frame: Uint8Array): void {
    const message = WebRtc.decode(frame);
    if (message.fromAlias !== this.serverAlias || this.#webRtcAbandoned) return;
    const data = decodeJson<unknown>(message.data);
    const failed = (error: Error) => {
      // A step still under way when WebRTC was abandoned fails on the closed connection: no matter.
      if (!this.#webRtcAbandoned) this.close(new BrokerClientError('NEGOTIATION_FAILED', error.message, { cause: error }));
    };
    if (message.type === MessageType.WEBRTC_OFFER) {
      if (this.#negotiation) return;
      this.#negotiation = new Negotiation(this.#createPeerConnection(), {
        sendDescription: (description) => this.#sendWebRtc(MessageType.WEBRTC_ANSWER, description),
        sendCandidate: (candidate) => this.#sendWebRtc(MessageType.WEBRTC_ICE_CANDIDATE, candidate),
      }, { maxPendingCandidates: 64, dropMdnsCandidates: false });
      this.#startFallbackTimer();
      this.#negotiation.acceptOffer(data).catch(failed);
    } else {
      this.#negotiation?.addRemoteCandidate(data).catch(failed);
    }
  }

  #createPeerConnection(): PeerConnectionLike {
    const pc = this.#options.rtc({ iceServers: this.#options.iceServers });
    this.#pc = pc;
    pc.onconnectionstatechange = () => {
      if (pc !== this.#pc) return;
      // ICE and DTLS are up, so UDP gets through: the rest of the set-up is
      // bounded by connectTimeoutMs and never moves to WebSocket.
      if (pc.connectionState === 'connected') clearTimeout(this.#fallbackTimer);
      if (pc.connectionState !== 'failed' && pc.connectionState !== 'closed') return;
      if (!this.#established && this.#options.transport === 'auto' && this.#serverUrl) this.#fallBackToWebSocket();
      else this.close(new BrokerClientError('CLOSED', `connection to comm server ${this.serverAlias} ${pc.connectionState}`));
    };
    // After a fallback the abandoned connection can still announce its
    // channels; they must not take the WebSocket's place.
    pc.ondatachannel = ({ channel }) => pc === this.#pc && this.#attach(channel);
    return pc;
  }

  #attach(channel: DataChannelLike): void {
    const kind = channelKindOf(channel.label);
    if (!kind) return;
    channel.binaryType = 'arraybuffer';
    this.#channels.set(kind, channel);
    const options = this.#options;
    this.#writers.set(kind, new ChannelWriter(channel, {
      queueBytes: kind === 'reliable' ? options.reliableQueueBytes : options.unreliableQueueBytes,
      windowBytes: options.sendWindowBytes,
      overflow: kind === 'reliable' ? 'reject' : 'drop-oldest',
    }));
    channel.addEventListener('message', (event) => {
      const frame = messageBytes(event.data);
      if (!frame || this.#closed) return;
      this.#framesReceived++;
      // An undecodable BATCH is ignored like any unknown frame.
      if (isBatch(frame)) readBatch(frame, (inner) => this.#onServerFrame(kind, inner), () => this.#closed);
      else this.#onServerFrame(kind, frame);
    });
    // A channel error (a browser's, or the WebSocket fallback's protocol
    // error) ends the session as its close does, saying why.
    const lost = (why: string) => {
      if (this.#channels.get(kind) !== channel) return;
      const error = this.#settle
        ? new BrokerClientError('AUTH_FAILED', `comm server ${this.serverAlias} closed the connection after AUTH`)
        : new BrokerClientError('CLOSED', `the ${kind} channel to comm server ${this.serverAlias} ${why}`);
      this.close(error);
    };
    channel.addEventListener('error', (event) => lost(`failed: ${channelErrorDetail(event)}`));
    channel.addEventListener('close', () => lost('closed'));
    if (channel.readyState === 'open') this.#onChannelOpen();
    else channel.addEventListener('open', () => this.#onChannelOpen());
  }

  /**
   * Both channels open: AUTH first on `reliable`, then a PING. The protocol
   * has no AUTH acknowledgement, but a server only answers a PING once AUTH
   * was accepted, and closes the connection otherwise.
   */
  #onChannelOpen(): void {
    const open = [...this.#channels.values()].filter((channel) => channel.readyState === 'open').length;
    if (open < 2) return;
    this.send('reliable', Auth.encode({
      type: MessageType.AUTH, role: Role.CLIENT, body: this.#options.authBody ?? this.#token, extensions: this.#options.batch ? CLIENT_EXTENSIONS : CLIENT_EXTENSIONS.filter((name) => name !== BATCH_EXTENSION),
      clientId: this.#options.clientId,
    }));
    this.send('reliable', Ping.encode({ type: MessageType.PING, time: SETUP_PING_TIME }));
  }

  #onServerFrame(kind: ChannelKind, frame: Uint8Array): void {
    if (frame[0] === 0x08 && frame[1] === MessageType.AUTH) {
      this.#onAnnouncement(frame);
      return;
    }
    if (frame[0] === 0x08 && frame[1] === MessageType.GOODBYE) {
      this.#onGoodbye(frame);
      return;
    }
    if (this.#settle) this.#onSetupFrame(kind, frame);
    else this.#handlers?.onFrame(kind, frame);
  }

  /**
   * A comm server that understands our extensions answers our AUTH with its
   * own list and the message rate it holds us to. The client sends no BATCH
   * itself (a publisher's messages go out as it publishes them, one data
   * channel message each, as with the original protocol).
   */
  #onAnnouncement(frame: Uint8Array): void {
    try {
      const { extensions, maxMessagesPerSecond, messageBurst } = Auth.decode(frame);
      this.serverExtensions = new Set(extensions);
      this.messageRate = { perSecond: maxMessagesPerSecond, burst: messageBurst };
    } catch {
      // an undecodable announcement is ignored
    }
  }

  /** The comm server says why it is about to close the connection: end the session with that reason. */
  #onGoodbye(frame: Uint8Array): void {
    let goodbye;
    try {
      goodbye = Goodbye.decode(frame);
    } catch {
      return;
    }
    const code = GOODBYE_CODES.has(goodbye.code) ? goodbye.code as BrokerClientErrorCode : 'CLOSED';
    this.close(new BrokerClientError(code, `comm server ${this.serverAlias} closed the connection: ${goodbye.code} (${goodbye.detail})`));
  }

  #onSetupFrame(channel: ChannelKind, frame: Uint8Array): void {
    if (channel === 'reliable' && peekType(frame) === MessageType.PING && Ping.decode(frame).time === SETUP_PING_TIME) {
      this.#established = true;
      clearTimeout(this.#fallbackTimer);
      this.#startHeartbeat();
      this.#settle?.resolve();
    }
  }

  /**
   * A comm server that dies without closing (a crash, a lost network) is only
   * noticed by ICE after 30 s. The session declares it dead when nothing at
   * all arrived for `heartbeatTimeoutMs`, and PINGs it after an interval
   * without a word from it: a server that is sending anything needs no PING
   * to show it is alive (each PING and its echo cost the server two
   * datagrams).
   */
  #startHeartbeat(): void {
    const { heartbeatIntervalMs, heartbeatTimeoutMs } = this.#options;
    if (heartbeatIntervalMs <= 0) return;
    let seen = this.#framesReceived;
    let silentSince = Date.now();
    this.#heartbeat = setInterval(() => {
      const now = Date.now();
      if (this.#framesReceived !== seen) {
        seen = this.#framesReceived;
        silentSince = now;
        return;
      }
      if (now - silentSince >= heartbeatTimeoutMs) {
        this.close(new BrokerClientError('TIMEOUT', `no word from comm server ${this.serverAlias} for ${now - silentSince} ms`));
        return;
      }
      this.send('reliable', Ping.encode({ type: MessageType.PING, time: HEARTBEAT_PING_TIME }));
    }, heartbeatIntervalMs);
    (this.#heartbeat as { unref?: () => void }).unref?.();
  }

  #sendWebRtc(type: MessageType, data: unknown): void {
    this.#signal(WebRtc.encode({ type, fromAlias: this.alias, toAlias: this.serverAlias, data: encodeJson(data) }));
  }

  #signal(frame: Uint8Array): void {
    if (this.#socket?.readyState === 1) this.#socket.send(frame);
  }
}

/** The protocol extensions this client understands, announced in AUTH. */
const CLIENT_EXTENSIONS = [DRAIN_EXTENSION, BATCH_EXTENSION, ACK_EXTENSION, PRESENCE_EXTENSION, DIRECT_EXTENSION];
/** GOODBYE codes that are client error codes; others end the session as CLOSED. */
const GOODBYE_CODES: ReadonlySet<string> = new Set<BrokerClientErrorCode>(['RATE_LIMITED', 'SLOW_CONSUMER', 'PROTOCOL_ERROR', 'KICKED', 'BANNED']);
/** CONNECTION_REFUSED reasons as error codes; others are CONNECTION_REFUSED. */
const REFUSALS = new Map<ConnectionRefusedReason, BrokerClientErrorCode>([
  [ConnectionRefusedReason.SERVER_FULL, 'SERVER_FULL'],
  [ConnectionRefusedReason.AUTH_FAILED, 'AUTH_FAILED'],
  [ConnectionRefusedReason.BANNED, 'BANNED'],
]);

/** PING times no application ping uses (those are positive clock readings). */
const SETUP_PING_TIME = -1;
const HEARTBEAT_PING_TIME = -2;
