// One remote peer of a comm server (a client or another server): its peer
// connection, its two data channels and their writers, its auth state. The
// peer owns all of it: others send through it and read what it knows, and
// admission hands it a verdict to apply. Closing a peer closes everything it
// owns.
import { ACK_EXTENSION, BATCH_EXTENSION, Goodbye, MessageType, Role, isServerRole } from '../shared/codec.js';
import { isBatch, readBatch } from '../shared/reader.js';
import { Negotiation, type NegotiationOptions, type SignalingSink } from '../shared/negotiation.js';
import {
  RELIABLE, UNRELIABLE, channelErrorDetail, channelKindOf, messageBytes, unreliableChannelOptions,
  type ChannelKind, type DataChannelLike, type PeerConnectionLike,
} from '../shared/rtc.js';
import { TopicRules, type TopicPermissions } from '../shared/topic-permissions.js';
import { ChannelWriter, RELIABLE_BATCH_BYTES, UNRELIABLE_BATCH_BYTES } from '../shared/writer.js';
import { readAnnouncement, wantsAnnouncement } from './auth-frames.js';

export type PeerCloseReason =
  | 'connect-timeout' | 'ice-failed' | 'channel-closed' | 'auth-failed' | 'protocol-error'
  | 'slow-consumer' | 'duplicate-link' | 'server-closing' | 'signaling-error' | 'link-timeout' | 'replaced'
  | 'rate-limited' | 'kicked' | 'banned';

/** The reasons a peer that announced `ack` is told in a GOODBYE before it is closed, as the client's error codes. */
const GOODBYE_CODES: Partial<Record<PeerCloseReason, string>> = {
  'rate-limited': 'RATE_LIMITED',
  'slow-consumer': 'SLOW_CONSUMER',
  'protocol-error': 'PROTOCOL_ERROR',
  kicked: 'KICKED',
  banned: 'BANNED',
};
/** How long a GOODBYE gets to leave before the connection closes under it. */
const GOODBYE_GRACE_MS = 500;

/** What admission concluded from an incoming peer's AUTH. */
export interface AdmissionVerdict {
  role: Role;
  identity: Uint8Array;
  /** Protocol extensions the peer announced. */
  extensions: ReadonlySet<string>;
  /** A server's stable identity, from its AUTH. */
  serverId: string | undefined;
  /** A client's id across re-homing (the presence extension), as its AUTH gave it. */
  clientId: Uint8Array;
  /** The topics a client may publish to and subscribe to, when its credentials say (undefined: all). */
  permissions?: TopicPermissions;
}

export interface PeerOptions {
  alias: number;
  /** An outgoing link's server identity, from the coordinator's WELCOME. */
  serverId?: string;
  /** The role an incoming peer registered with at the coordinator, if it said: its AUTH must claim the same. */
  registeredRole?: Role;
  pc: PeerConnectionLike;
  /**
   * `websocket`: `pc` is the fallback endpoint's socket, with nothing to
   * negotiate; `nats`: a link to another server over the NATS backbone.
   */
  transport: 'webrtc' | 'websocket' | 'nats';
  /** incoming: the peer sent CONNECT and we offer; outgoing: we sent CONNECT to a server and answer. */
  direction: 'incoming' | 'outgoing';
  signaling: SignalingSink;
  negotiation: NegotiationOptions;
  writer: { reliableQueueBytes: number; unreliableQueueBytes: number; windowBytes: number; batchDelayMs: number };
  /** The AUTH this server answers a peer with that understands extensions (auth-frames.ts). */
  announcement: Uint8Array;
  connectTimeoutMs: number;
  onFrame: (peer: Peer, channel: ChannelKind, frame: Uint8Array) => void;
  onOpen: (peer: Peer) => void;
  /** A server we linked to announced its extensions (they are in `extensions` now). */
  onAnnouncement: (peer: Peer) => void;
  /** A channel failed, for what the peer sent (the WebSocket fallback reports protocol violations so); the peer must go. */
  onChannelError: (peer: Peer, channel: ChannelKind, detail: string) => void;
  onClose: (peer: Peer, reason: PeerCloseReason) => void;
}

export class Peer {
  readonly alias: number;
  readonly direction: 'incoming' | 'outgoing';
  readonly transport: 'webrtc' | 'websocket' | 'nats';
  readonly negotiation: Negotiation;
  readonly createdAt = Date.now();

  #role: Role;
  #identity: Uint8Array = new Uint8Array(0);
  #serverId: string | undefined;
  #clientId: Uint8Array = new Uint8Array(0);
  #topicRules: TopicRules | undefined;
  #authenticated = false;
  #extensions: ReadonlySet<string> = new Set();
  #readsNumbers = false;
  #reliable: ChannelWriter | undefined;
  #unreliable: ChannelWriter | undefined;
  #framesReceived = 0;
  #reliableFramesSent = 0;
  #reliableFramesReceived = 0;
  #options: PeerOptions;
  #channels: DataChannelLike[] = [];
  #openChannels = 0;
  #connectTimer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  #closing: Promise<void> = Promise.resolve();

  constructor(options: PeerOptions) {
    this.#options = options;
    this.alias = options.alias;
    this.direction = options.direction;
    this.transport = options.transport;
    this.#role = options.direction === 'outgoing' ? Role.COMMUNICATION_SERVER : Role.UNKNOWN_ROLE;
    this.#serverId = options.serverId;
    this.negotiation = new Negotiation(options.pc, options.signaling, options.negotiation);
    this.#connectTimer = setTimeout(() => this.close('connect-timeout'), options.connectTimeoutMs);
    this.#connectTimer.unref?.();

    const { pc } = options;
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' || pc.connectionState === 'closed') this.close('ice-failed');
    };
    if (options.direction === 'incoming') {
      this.#attach(pc.createDataChannel(RELIABLE));
      this.#attach(pc.createDataChannel(UNRELIABLE, { ...unreliableChannelOptions }));
    } else {
      pc.ondatachannel = ({ channel }) => this.#attach(channel);
    }
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The role the coordinator says this incoming peer registered with (undefined: it did not say). */
  get registeredRole(): Role | undefined {
    return this.#options.registeredRole;
  }

  /** Known from AUTH for incoming peers; outgoing peers are servers. */
  get role(): Role {
    return this.#role;
  }

  get isServer(): boolean {
    return isServerRole(this.#role);
  }

  /** The identity the authenticator gave the peer (empty if none). */
  get identity(): Uint8Array {
    return this.#identity;
  }

  /** A server's stable identity, used to keep one link per pair of servers. */
  get serverId(): string | undefined {
    return this.#serverId;
  }

  /** A client's id across re-homing (from its AUTH; empty if it sent none). */
  get clientId(): Uint8Array {
    return this.#clientId;
  }

  get authenticated(): boolean {
    return this.#authenticated;
  }

  /** Protocol extensions the peer announced. */
  get extensions(): ReadonlySet<string> {
    return this.#extensions;
  }

  /** Whether forwarded frames carry a numbered message's publisher and topic_seq to this peer: it announced `ack`. */
  get readsNumbers(): boolean {
    return this.#readsNumbers;
  }

  /** What this client may publish to and subscribe to; undefined: everything. */
  get topicRules(): TopicRules | undefined {
    return this.#topicRules;
  }

  /** Frames received so far: a server link that stops counting up is dead. */
  get framesReceived(): number {
    return this.#framesReceived;
  }

  /** Frames (a BATCH's each) sent on `reliable`, ACKs not counted: what the other side acknowledges. */
  get reliableFramesSent(): number {
    return this.#reliableFramesSent;
  }

  /** Frames (a BATCH's each) received on `reliable`, ACKs not counted. */
  get reliableFramesReceived(): number {
    return this.#reliableFramesReceived;
  }

  /**
   * Both channels open and the peer authenticated (an incoming peer by its
   * AUTH, whose verdict this applies; an outgoing link by our own AUTH): the
   * set-up deadline no longer applies.
   */
  admit(verdict?: AdmissionVerdict): void {
    this.#authenticated = true;
    clearTimeout(this.#connectTimer);
    if (!verdict) return;
    this.#role = verdict.role;
    this.#identity = verdict.identity;
    this.#extensions = verdict.extensions;
    this.#readsNumbers = verdict.extensions.has(ACK_EXTENSION);
    this.#serverId = verdict.serverId;
    this.#clientId = verdict.clientId;
    this.#topicRules = verdict.permissions && new TopicRules(verdict.permissions);
    if (wantsAnnouncement(this.#extensions)) this.send('reliable', this.#options.announcement);
    if (this.#extensions.has(BATCH_EXTENSION)) this.#enableBatching();
  }

  /** Queues a frame on one channel (its writer applies the flow control and overflow policy). */
  send(channel: ChannelKind, frame: Uint8Array): void {
    const writer = this.#writer(channel);
    if (writer === undefined) return;
    if (channel === 'reliable' && !isAck(frame)) this.#reliableFramesSent++;
    writer.write(frame);
  }

  /** Whether frames to this peer on `channel` go out as BATCHes. */
  isBatching(channel: ChannelKind): boolean {
    return this.#writer(channel)?.batching ?? false;
  }

  /** Bytes waiting in our queue for `channel` (not yet handed to the channel). */
  queuedBytes(channel: ChannelKind): number {
    return this.#writer(channel)?.queuedBytes ?? 0;
  }

  /** BATCH frames sent on `channel` so far. */
  batchesSent(channel: ChannelKind): number {
    return this.#writer(channel)?.batches ?? 0;
  }

  /** Unreliable frames our queue dropped because the peer could not keep up. */
  get unreliableDropped(): number {
    return this.#unreliable?.dropped ?? 0;
  }

  #writer(channel: ChannelKind): ChannelWriter | undefined {
    return channel === 'reliable' ? this.#reliable : this.#unreliable;
  }

  #enableBatching(): void {
    const { batchDelayMs } = this.#options.writer;
    this.#reliable?.enableBatching(RELIABLE_BATCH_BYTES, batchDelayMs);
    this.#unreliable?.enableBatching(UNRELIABLE_BATCH_BYTES, batchDelayMs);
  }

  /**
   * A frame off a data channel. BATCH (from an authenticated peer; we
   * announce "batch" to every peer that announced it) is unpacked and each
   * frame handled as if it had come alone; a server we linked to announces
   * its extensions with an AUTH after admitting us.
   */
  #onMessage(kind: ChannelKind, frame: Uint8Array): void {
    const onFrame = this.#options.onFrame;
    if (frame[0] === 0x08 && this.#authenticated) {
      if (isBatch(frame)) {
        const onInner = (inner: Uint8Array) => {
          if (kind === 'reliable' && !isAck(inner)) this.#reliableFramesReceived++;
          onFrame(this, kind, inner);
        };
        if (!readBatch(frame, onInner, () => this.#closed)) this.close('protocol-error');
        return;
      }
      if (kind === 'reliable' && !isAck(frame)) this.#reliableFramesReceived++;
      if (frame[1] === MessageType.AUTH && this.direction === 'outgoing') {
        try {
          this.#onAnnouncement(readAnnouncement(frame));
        } catch {
          this.close('protocol-error');
        }
        return;
      }
    } else if (kind === 'reliable') {
      this.#reliableFramesReceived++;
    }
    onFrame(this, kind, frame);
  }

  #onAnnouncement(extensions: ReadonlySet<string>): void {
    this.#extensions = extensions;
    if (this.#extensions.has(BATCH_EXTENSION)) this.#enableBatching();
    this.#options.onAnnouncement(this);
  }

  /** The peer's data channels, for stats. */
  get channels(): readonly DataChannelLike[] {
    return this.#channels;
  }

  /** The peer connection, for stats. */
  get connection(): PeerConnectionLike {
    return this.#options.pc;
  }

  /** What the data channel itself still buffers (bytes handed to it, not yet sent). */
  bufferedAmount(kind: ChannelKind): number {
    return this.#channels.find((channel) => channel.label === kind)?.bufferedAmount ?? 0;
  }

  /**
   * Closes the connection and its channels; resolves once the peer
   * connection is closed. A peer that announced `ack` is told why first
   * (GOODBYE) when the reason is its own doing; the connection then closes
   * once that left, or after a short grace. `announced`: what a peer refused
   * at AUTH announced there (it was never admitted).
   */
  close(reason: PeerCloseReason, announced: ReadonlySet<string> = this.#extensions): Promise<void> {
    if (this.#closed) return this.#closing;
    this.#closed = true;
    clearTimeout(this.#connectTimer);
    const code = GOODBYE_CODES[reason];
    const channel = this.#channels.find((c) => c.label === RELIABLE && c.readyState === 'open');
    if (code !== undefined && channel !== undefined && announced.has(ACK_EXTENSION)) {
      this.#closing = this.#sayGoodbye(channel, code, reason).then(() => this.#teardown());
      this.#options.onClose(this, reason);
      return this.#closing;
    }
    this.#closing = this.#teardown();
    this.#options.onClose(this, reason);
    return this.#closing;
  }

  /** The GOODBYE goes straight to the channel, ahead of anything still queued. */
  #sayGoodbye(channel: DataChannelLike, code: string, reason: PeerCloseReason): Promise<void> {
    try {
      channel.send(Goodbye.encode({ type: MessageType.GOODBYE, code, detail: reason }));
    } catch {
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(done, GOODBYE_GRACE_MS);
      channel.bufferedAmountLowThreshold = 0;
      channel.addEventListener('bufferedamountlow', done);
      channel.addEventListener('close', done);
      if (channel.bufferedAmount === 0) done();
    });
  }

  #teardown(): Promise<void> {
    const { pc } = this.#options;
    pc.onconnectionstatechange = null;
    pc.onicecandidate = null;
    pc.ondatachannel = null;
    for (const channel of this.#channels) {
      try {
        channel.close();
      } catch {
        // already closing with its connection
      }
    }
    return Promise.resolve()
      .then(() => pc.close())
      .then(() => undefined, () => undefined);
  }

  #attach(channel: DataChannelLike): void {
    const kind = channelKindOf(channel.label);
    if (!kind || this.#channels.some((c) => c.label === channel.label)) {
      channel.close();
      return;
    }
    channel.binaryType = 'arraybuffer';
    this.#channels.push(channel);
    const { writer } = this.#options;
    const writerOptions = kind === 'reliable'
      ? { queueBytes: writer.reliableQueueBytes, overflow: 'disconnect' as const }
      : { queueBytes: writer.unreliableQueueBytes, overflow: 'drop-oldest' as const };
    const channelWriter = new ChannelWriter(channel, {
      ...writerOptions,
      windowBytes: writer.windowBytes,
      onOverflow: () => this.close('slow-consumer'),
    });
    if (kind === 'reliable') this.#reliable = channelWriter;
    else this.#unreliable = channelWriter;

    channel.addEventListener('message', (event) => {
      const frame = messageBytes(event.data);
      if (!frame || this.#closed) return;
      this.#framesReceived++;
      this.#onMessage(kind, frame);
    });
    channel.addEventListener('error', (event) => {
      if (!this.#closed) this.#options.onChannelError(this, kind, channelErrorDetail(event));
    });
    channel.addEventListener('close', () => this.close('channel-closed'));
    const opened = () => {
      this.#openChannels++;
      if (this.#openChannels === 2) this.#options.onOpen(this);
    };
    if (channel.readyState === 'open') opened();
    else channel.addEventListener('open', opened);
  }
}

/** Whether a frame is an ACK (our encoders write `type` first). */
function isAck(frame: Uint8Array): boolean {
  return frame[0] === 0x08 && frame[1] === MessageType.ACK;
}
