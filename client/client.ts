// The public client API: connect through the coordinator to a comm server,
// subscribe to topics, publish, receive.
import {
  Ack, DIRECT_EXTENSION, Direct, DirectResult, ErrorFrame, Format, MessageType, Members, PRESENCE_EXTENSION, Ping, Presence, RECOVER_EXTENSION, Recover, Recovered, Role,
  Subscription, Topic, TopicFW, TopicIdentity, TopicIdentityFW, peekType,
} from '../shared/codec.js';
import { TypedEmitter } from '../shared/emitter.js';
import type { ChannelKind, IceServer, RtcFactory } from '../shared/rtc.js';
import { assertTopicName, encodeTopicList } from '../shared/subscription.js';
import { BrokerClientError } from './errors.js';
import { DirectRequests, assertDirectTarget, directEvent, directFrame, type DirectEvent, type DirectTarget } from './direct.js';
import { Outbox, type Sequence } from './outbox.js';
import { PresenceRequests, type JoinEvent, type LeaveEvent, type PresenceList } from './presence.js';
import { TopicRecovery, type NumberedMessage } from './topic-recovery.js';
import { ENDING_FAILURES, openFirstSession, reconnectDefaults, reopenSession, type ReconnectAttempt, type ReconnectOptions } from './reconnect.js';
import { clientRuntime, type WebSocketConstructor } from './runtime.js';
import { Session, TRANSPORTS, type SessionOptions, type Transport } from './session.js';

export interface BrokerClientOptions {
  /**
   * The coordinator's base URL, e.g. ws://127.0.0.1:9090 (the client
   * connects to its /connect). Several (the coordinators of one cluster):
   * the first is tried first; after a failed attempt the next connection
   * (a retry, a re-homing) goes to the next one in the list, and so on round.
   */
  coordinatorUrl: string | readonly string[];
  auth?: {
    /**
     * AUTH body sent to the comm server (a token, an identity: the authenticator
     * decides). Default: the token the coordinator gave in WELCOME, if any.
     */
    body?: Uint8Array | string;
    /** Query parameters added to the coordinator URL (credentials for the upgrade). */
    query?: Record<string, string>;
  };
  /** STUN/TURN servers; none by default (enough on a LAN or loopback). */
  iceServers?: IceServer[];
  /** Deadline for the whole set-up, coordinator to authenticated channels, per attempt. Default 15000. */
  connectTimeoutMs?: number;
  /**
   * Attempts of the first connection before `connect()` rejects. A failure
   * that may pass (TIMEOUT, a failed or closed connection, SERVER_FULL,
   * NO_SERVER, COORDINATOR_UNREACHABLE, ...) is tried again after the
   * `reconnect` backoff (`minDelayMs` doubling to `maxDelayMs`, jittered so
   * that clients starting together spread out); refused credentials
   * (AUTH_FAILED, COORDINATOR_REFUSED) are not. Default 3; 1: no retry.
   */
  connectAttempts?: number;
  /** Called when an attempt of the first connection failed and another one follows. */
  onConnectAttemptFailed?: (attempt: ReconnectAttempt) => void;
  /** Deadline of `ping()`. Default 5000. */
  pingTimeoutMs?: number;
  /**
   * Bytes of reliable messages kept before `publish` throws BACKPRESSURE:
   * those waiting to be sent (paced to the comm server's message rate) and
   * those sent but not yet acknowledged by a server that acknowledges
   * (`ack`), which are sent again after re-homing. `drain` says when there
   * is room again. Default 4 MiB.
   */
  reliableQueueBytes?: number;
  /** Topics this client numbers its reliable messages on, for subscribers' recovery; messages on further topics are not numbered per topic. Default 10,000. */
  maxNumberedTopics?: number;
  /** Bounds of `subscribe(topics, { recover: true })`: publishers remembered per topic (1,000) and live messages held per topic while recovering (10,000). */
  recovery?: { publishersPerTopic?: number; bufferedMessages?: number };
  /** Bytes queued on `unreliable` before the oldest are dropped. Default 256 KiB. */
  unreliableQueueBytes?: number;
  /** Bytes in flight per channel before sends wait in the queue. Default 256 KiB. */
  sendWindowBytes?: number;
  /** Interval of the liveness check: a PING to the comm server when nothing came from it for this long. Default 1000; 0 turns liveness off. */
  heartbeatIntervalMs?: number;
  /** The connection counts as lost after this long without a word from the comm server. Default 5000. */
  heartbeatTimeoutMs?: number;
  /**
   * `auto` (default): WebRTC, falling back to the comm server's WebSocket
   * endpoint (reliable semantics only) when the peer connection is not up
   * within `webrtcTimeoutMs` of the server's offer, or fails; `webrtc` or
   * `websocket` force one.
   */
  transport?: Transport;
  /** How long `auto` waits, from the server's offer, for the peer connection (ICE and DTLS) before falling back. Default 5000. */
  webrtcTimeoutMs?: number;
  /** Re-homing after a lost connection; see ReconnectOptions for the defaults. */
  reconnect?: Partial<ReconnectOptions>;
  /**
   * When its comm server drains, the client connects to another one first and
   * keeps receiving on both for this long, so that its subscriptions reach the
   * whole mesh before it leaves the old server. Default 1000.
   */
  drainOverlapMs?: number;
  /**
   * Announce the batch extension to the comm server (default true): it then
   * coalesces the messages it sends this client into BATCH frames. false: it
   * sends each message as its own data-channel message, as it does to the Go
   * original's clients (the load test's --no-batch measures that path).
   */
  batch?: boolean;
  /** RTCPeerConnection factory; defaults to werift in Node, the browser's own in a browser. */
  rtc?: RtcFactory;
  /** WebSocket class; defaults to `ws` in Node, the browser's own in a browser. */
  WebSocket?: WebSocketConstructor;
}

export interface ReceivedMessage {
  topic: string;
  /** Alias of the publishing client. */
  from: number;
  body: Uint8Array;
  /** True if it came on the `reliable` channel. */
  reliable: boolean;
  /** The publisher's identity, stamped by its comm server, for messages published with identity. */
  identity?: Uint8Array;
}

/** What the comm server refused of what this client sent: its credentials limit the topics it may use. */
export interface DeniedEvent {
  /** `PUBLISH_DENIED`: a message on `topics[0]` was dropped. `SUBSCRIBE_DENIED`: these topics are not subscribed (the client drops them from `topics`). */
  code: 'PUBLISH_DENIED' | 'SUBSCRIBE_DENIED';
  topics: string[];
}

export interface PublishOptions {
  /** `reliable` (ordered, retransmitted; the default) or `unreliable` (unordered, no retransmission). */
  reliable?: boolean;
}

interface BrokerClientEvents {
  message: [ReceivedMessage];
  /** The connection to the comm server was lost; the client re-homes (unless reconnect is off). */
  disconnected: [BrokerClientError];
  /** A re-homing attempt failed; the next one follows after a backoff. */
  reconnecting: [ReconnectAttempt];
  /** Connected again, to the comm server the coordinator picked, with the subscriptions restored. */
  reconnected: [{ alias: number; serverAlias: number }];
  /** The client is done: `error.code` is CLOSED after `close()`, KICKED or BANNED when the operator removed it, else why it gave up. */
  close: [BrokerClientError];
  /** The comm server refused to publish or subscribe to topics outside this client's permissions. */
  denied: [DeniedEvent];
  /** After `publish` threw BACKPRESSURE: the reliable queue is at most half full again. */
  drain: [];
  /** On a topic subscribed with `recover`: `missed` messages of it will not arrive (gone from every history, or lost on the way). */
  gap: [{ topic: string; missed: number }];
  /** On a topic subscribed with `presence`: another client subscribed to it, anywhere in the mesh. */
  join: [JoinEvent];
  /** On a topic subscribed with `presence`: another client left it (unsubscribed, disconnected for good, or kicked). */
  leave: [LeaveEvent];
  /** A direct message to this client (its alias or its identity), from another client. */
  direct: [DirectEvent];
}

export interface SubscribeOptions {
  /** After re-homing, get what was missed on these topics from the new comm server (reliable, numbered messages); a `gap` event says what could not be. */
  recover?: boolean;
  /** Emit `join` and `leave` for the other members of these topics (comm servers with the presence extension). */
  presence?: boolean;
}

const utf8 = new TextEncoder();

export class BrokerClient extends TypedEmitter<BrokerClientEvents> {
  #session: Session;
  #openSession: () => Promise<Session>;
  #reconnect: ReconnectOptions;
  #reconnecting: AbortController | undefined;
  /** Reliable frames from publish to acknowledgement, across re-homing. */
  #outbox: Outbox;
  /** Unreliable messages not sent: over the server's message rate, or while re-homing. */
  #unreliableDropped = 0;
  /** Topics subscribed with `recover`. */
  #recovery: TopicRecovery;
  /** When the current session last delivered a frame: a new server is asked for what came after. */
  #lastHeardAt = Date.now();
  #topics = new Set<string>();
  /** Topics subscribed with `presence`: their member changes are asked for. */
  #presenceTopics = new Set<string>();
  #presence: PresenceRequests;
  #direct: DirectRequests;
  #pings = new Map<number, { resolve: (rtt: number) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();
  #pingTimeoutMs: number;
  #drainOverlapMs: number;
  #moving = false;
  #closed = false;

  private constructor(session: Session, openSession: () => Promise<Session>, options: BrokerClientOptions & { clientId: Uint8Array }) {
    super();
    this.#openSession = openSession;
    this.#reconnect = { ...reconnectDefaults, ...options.reconnect };
    this.#pingTimeoutMs = options.pingTimeoutMs ?? 5_000;
    this.#drainOverlapMs = options.drainOverlapMs ?? 1_000;
    this.#outbox = new Outbox({
      maxBytes: options.reliableQueueBytes ?? DEFAULT_RELIABLE_QUEUE_BYTES,
      maxNumberedTopics: options.maxNumberedTopics ?? 10_000,
      onDrain: () => this.emit('drain'),
    });
    this.#recovery = new TopicRecovery({
      publishersPerTopic: options.recovery?.publishersPerTopic ?? 1_000,
      bufferedMessages: options.recovery?.bufferedMessages ?? 10_000,
      deliver: (message) => this.emit('message', message),
      gap: (gap) => this.emit('gap', gap),
      askAgain: (topic) => this.#sendControl('reliable', this.#recoverFrame(topic, 0)),
    });
    this.#presence = new PresenceRequests({
      timeoutMs: this.#pingTimeoutMs,
      clientId: options.clientId,
      join: (event) => this.emit('join', event),
      leave: (event) => this.emit('leave', event),
    });
    this.#direct = new DirectRequests({ timeoutMs: this.#pingTimeoutMs });
    this.#session = this.#adopt(session);
    this.#outbox.attach(session);
  }

  /**
   * Connects through the coordinator to a comm server, trying again after a
   * failure that may pass (see `connectAttempts`). Rejects with the last
   * BrokerClientError.
   */
  static async connect(options: BrokerClientOptions): Promise<BrokerClient> {
    const clientId = crypto.getRandomValues(new Uint8Array(16));
    const sessionOptions = sessionOptionsFrom(options, clientId);
    const coordinators = coordinatorUrlsOf(options.coordinatorUrl);
    let next = 0;
    // A failed attempt moves on to the next coordinator: the one that failed may be down.
    const openSession = () => Session.open({ ...sessionOptions, coordinatorUrl: coordinators[next]! }).catch((error: unknown) => {
      next = (next + 1) % coordinators.length;
      throw error;
    });
    const backoff = { ...reconnectDefaults, ...options.reconnect };
    const session = await openFirstSession(openSession, options.connectAttempts ?? DEFAULT_CONNECT_ATTEMPTS, backoff, (attempt) => {
      options.onConnectAttemptFailed?.(attempt);
    });
    return new BrokerClient(session, openSession, { ...options, clientId });
  }

  /** This client's alias, as other clients see it in `message.from`. */
  get alias(): number {
    return this.#session.alias;
  }

  /** How this client reaches its comm server: `webrtc` or, as a fallback, `websocket`. */
  get transport(): 'webrtc' | 'websocket' {
    return this.#session.transport;
  }

  /** Alias of the comm server this client is connected to. */
  get serverAlias(): number {
    return this.#session.serverAlias;
  }

  get topics(): ReadonlySet<string> {
    return this.#topics;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** True while re-homing after a lost connection. */
  get reconnecting(): boolean {
    return this.#reconnecting !== undefined;
  }

  /** Reliable messages sent but not yet acknowledged by the comm server (kept to be sent again after re-homing). */
  get unacknowledged(): number {
    return this.#outbox.unacknowledged;
  }

  /** Bytes of reliable messages waiting to be sent or acknowledged (bounded by `reliableQueueBytes`). */
  get reliableQueuedBytes(): number {
    return this.#outbox.bytes;
  }

  /** Unreliable messages not sent: over the comm server's message rate, or published while re-homing. */
  get unreliableDropped(): number {
    return this.#unreliableDropped;
  }

  subscribe(topics: string | Iterable<string>, options: SubscribeOptions = {}): void {
    const next = new Set(this.#topics);
    const list = toList(topics);
    for (const topic of list) {
      assertTopicName(topic);
      next.add(topic);
    }
    if (options.recover === true) for (const topic of list) this.#recovery.add(topic);
    if (options.presence === true) for (const topic of list) this.#presenceTopics.add(topic);
    this.#replaceTopics(next);
  }

  unsubscribe(topics: string | Iterable<string>): void {
    const next = new Set(this.#topics);
    for (const topic of toList(topics)) {
      next.delete(topic);
      this.#recovery.remove(topic);
      this.#presenceTopics.delete(topic);
    }
    this.#replaceTopics(next);
  }

  /**
   * Publishes on `topic`. Reliable (the default): delivered once to every
   * subscriber, in order, across a crash of the comm server when it
   * acknowledges; throws BACKPRESSURE when the reliable queue is full (wait
   * for `drain`). Unreliable: may be lost, never throws for a full queue.
   */
  publish(topic: string, body: Uint8Array | string, options: PublishOptions = {}): void {
    assertTopicName(topic);
    const bytes = toBytes(body);
    this.#publish(channelOf(options), topic, (sequence) => Topic.encode({ type: MessageType.TOPIC, topic, body: bytes, ...sequence }));
  }

  /** Publishes with this client's identity (from its AUTH), stamped by the comm server. */
  publishWithIdentity(topic: string, body: Uint8Array | string, options: PublishOptions = {}): void {
    assertTopicName(topic);
    const bytes = toBytes(body);
    this.#publish(channelOf(options), topic, (sequence) => TopicIdentity.encode({ type: MessageType.TOPIC_IDENTITY, topic, body: bytes, ...sequence }));
  }

  /**
   * Resolves once every reliable message published so far has left and, with
   * a comm server that acknowledges, been acknowledged: then it reached every
   * subscriber's server. Rejects if the client closes first.
   */
  flush(): Promise<void> {
    if (this.#closed) return Promise.reject(new BrokerClientError('CLOSED', 'the client is closed'));
    return this.#outbox.whenEmpty();
  }

  /**
   * Every client subscribed to `topic` anywhere in the mesh, this one
   * included, as the comm server knows them now (changes reach it within
   * --presence-interval-ms and a hop). Rejects with NOT_SUBSCRIBED for a topic
   * this client is not subscribed to, UNSUPPORTED when the comm server lacks
   * the presence extension, CLOSED while re-homing or if the connection is
   * lost before the answer, TIMEOUT after `pingTimeoutMs`.
   */
  presence(topic: string): Promise<PresenceList> {
    if (this.#closed) return Promise.reject(new BrokerClientError('CLOSED', 'the client is closed'));
    if (!this.#topics.has(topic)) return Promise.reject(new BrokerClientError('NOT_SUBSCRIBED', `not subscribed to ${topic}`));
    if (this.reconnecting) return Promise.reject(new BrokerClientError('CLOSED', 'reconnecting to a comm server'));
    if (!this.#session.serverExtensions.has(PRESENCE_EXTENSION)) {
      return Promise.reject(new BrokerClientError('UNSUPPORTED', `comm server ${this.serverAlias} does not support presence`));
    }
    return this.#presence.request(topic, (requestId) => this.#sendControl('reliable', Presence.encode({ type: MessageType.PRESENCE, requestId, topic })));
  }

  /**
   * Sends `body` to one client, by alias, or to every connection of an
   * identity (the sending connection left out), on whichever comm server
   * they are; they get a `direct` event with this client's alias and
   * identity, stamped by its comm server. Reliable (the default): resolves
   * once a comm server holding the target queued it to the target; rejects
   * with NO_SUCH_PEER when no server holds it (not connected anywhere, or a
   * client that takes no direct messages), TIMEOUT when the target's server
   * did not answer in time (it may have arrived), UNSUPPORTED with a comm
   * server without the extension, CLOSED while re-homing or when the
   * connection is lost before the answer (it may have arrived), BACKPRESSURE
   * when the reliable queue is full. Unreliable: resolves at once and never
   * rejects; one that cannot leave (re-homing, over the server's rate, a
   * server without the extension) counts in `unreliableDropped`, one no
   * server can deliver in the comm server's drop metrics.
   */
  sendTo(target: DirectTarget, body: Uint8Array | string, options: PublishOptions = {}): Promise<void> {
    assertDirectTarget(target);
    const bytes = toBytes(body);
    const supported = !this.#closed && this.#session.serverExtensions.has(DIRECT_EXTENSION);
    if (options.reliable === false) {
      if (!supported || this.reconnecting || !this.#outbox.allowUnreliable()) this.#unreliableDropped++;
      else this.#session.send('unreliable', directFrame(target, bytes));
      return Promise.resolve();
    }
    if (this.#closed) return Promise.reject(new BrokerClientError('CLOSED', 'the client is closed'));
    if (this.reconnecting) return Promise.reject(new BrokerClientError('CLOSED', 'reconnecting to a comm server'));
    if (!supported) return Promise.reject(new BrokerClientError('UNSUPPORTED', `comm server ${this.serverAlias} does not support direct messages`));
    return this.#direct.request(target, bytes, (frame) => this.#sendControl('reliable', frame));
  }

  /** Round-trip time to the comm server, in milliseconds. */
  ping(options: PublishOptions = {}): Promise<number> {
    if (this.reconnecting) return Promise.reject(new BrokerClientError('CLOSED', 'reconnecting to a comm server'));
    let time = performance.now();
    while (this.#pings.has(time)) time += 1e-6;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pings.delete(time);
        reject(new BrokerClientError('TIMEOUT', `no answer to ping within ${this.#pingTimeoutMs} ms`));
      }, this.#pingTimeoutMs);
      this.#pings.set(time, { resolve, reject, timer });
      try {
        this.#sendControl(channelOf(options), Ping.encode({ type: MessageType.PING, time }));
      } catch (error) {
        clearTimeout(timer);
        this.#pings.delete(time);
        reject(error);
      }
    });
  }

  close(): void {
    if (this.#closed) return;
    this.#reconnecting?.abort();
    this.#end(new BrokerClientError('CLOSED', 'client closed'));
    this.#session.close();
  }

  #adopt(session: Session): Session {
    session.setHandlers({
      onFrame: (channel, frame) => this.#onFrame(channel, frame),
      onClose: (error) => this.#onSessionLost(session, error),
    });
    return session;
  }

  #replaceTopics(topics: Set<string>): void {
    this.#topics = topics;
    if (!this.reconnecting) this.#sendSubscription();
  }

  #sendSubscription(): void {
    this.#sendControl('reliable', this.#subscriptionFrame());
  }

  #subscriptionFrame(): Uint8Array {
    return Subscription.encode({
      type: MessageType.SUBSCRIPTION, format: Format.PLAIN, topics: encodeTopicList(this.#topics), presenceTopics: [...this.#presenceTopics],
    });
  }

  /**
   * What a new session starts with: the subscription, then, if the server
   * recovers, a RECOVER for each topic subscribed with `recover`.
   */
  #firstFrames(session: Session): Uint8Array[] {
    if (this.#topics.size === 0) return [];
    const frames = [this.#subscriptionFrame()];
    if (session.serverExtensions.has(RECOVER_EXTENSION)) {
      const sinceMs = Date.now() - this.#lastHeardAt;
      for (const topic of this.#recovery.topics) frames.push(this.#recoverFrame(topic, sinceMs));
    }
    return frames;
  }

  #recoverFrame(topic: string, sinceMs: number): Uint8Array {
    return Recover.encode({ type: MessageType.RECOVER, topic, positions: this.#recovery.positions(topic), sinceMs });
  }

  /** A published message: reliable ones through the outbox (kept while re-homing), unreliable ones now or never. */
  #publish(channel: ChannelKind, topic: string, encode: (sequence: Sequence | undefined) => Uint8Array): void {
    if (this.#closed) throw new BrokerClientError('CLOSED', 'the client is closed');
    if (channel === 'reliable') {
      this.#outbox.enqueue(encode, topic);
    } else if (this.reconnecting || !this.#outbox.allowUnreliable()) {
      this.#unreliableDropped++;
    } else {
      this.#session.send(channel, encode(undefined));
    }
  }

  /** A SUBSCRIPTION or PING: reliable ones wait their turn with the messages. */
  #sendControl(channel: ChannelKind, frame: Uint8Array): void {
    if (this.#closed) throw new BrokerClientError('CLOSED', 'the client is closed');
    if (channel === 'reliable') this.#outbox.enqueue(() => frame);
    else if (!this.reconnecting) this.#session.send(channel, frame);
  }

  #onFrame(channel: ChannelKind, frame: Uint8Array): void {
    this.#lastHeardAt = Date.now();
    try {
      switch (peekType(frame)) {
        case MessageType.TOPIC_FW:
        case MessageType.TOPIC_IDENTITY_FW: {
          const numbered = received(channel, frame);
          if (numbered === undefined) return;
          if (numbered.topicSeq > 0 && this.#recovery.has(numbered.message.topic)) this.#recovery.live(numbered);
          else this.emit('message', numbered.message);
          return;
        }
        case MessageType.RECOVERED: {
          const { topic, frames, highest, last } = Recovered.decode(frame);
          const messages = frames.flatMap((inner) => received('reliable', inner) ?? []);
          this.#recovery.recovered(topic, messages, highest, last);
          return;
        }
        case MessageType.PRESENCE:
          this.#presence.reply(Presence.decode(frame));
          return;
        case MessageType.MEMBERS:
          this.#presence.members(Members.decode(frame));
          return;
        case MessageType.DIRECT:
          this.emit('direct', directEvent(Direct.decode(frame), channel === 'reliable'));
          return;
        case MessageType.DIRECT_RESULT:
          this.#direct.result(DirectResult.decode(frame));
          return;
        case MessageType.DRAIN:
          void this.#move();
          return;
        case MessageType.ERROR:
          this.#onError(ErrorFrame.decode(frame));
          return;
        case MessageType.ACK:
          this.#outbox.acknowledged(Ack.decode(frame).seq);
          return;
        case MessageType.PING: {
          const { time } = Ping.decode(frame);
          const pending = this.#pings.get(time);
          if (!pending) return;
          this.#pings.delete(time);
          clearTimeout(pending.timer);
          pending.resolve(performance.now() - time);
          return;
        }
        default:
          // Unknown message types are ignored (extensions we do not speak).
      }
    } catch {
      // An undecodable frame from the server is dropped; one bad frame must not end the session.
    }
  }

  /** An ERROR from the comm server: what its permissions refused; other codes are not ours and are ignored. */
  #onError({ code, topics }: { code: string; topics: string[] }): void {
    if (code === 'PUBLISH_DENIED') {
      this.emit('denied', { code, topics });
    } else if (code === 'SUBSCRIBE_DENIED') {
      // The server left them out of the subscription already; a topic dropped before (an ERROR for an older SUBSCRIPTION) is not told again.
      const dropped = topics.filter((topic) => this.#topics.delete(topic));
      for (const topic of dropped) {
        this.#recovery.remove(topic);
        this.#presenceTopics.delete(topic);
      }
      if (dropped.length > 0) this.emit('denied', { code, topics: dropped });
    }
  }

  #onSessionLost(session: Session, error: BrokerClientError): void {
    if (this.#closed || session !== this.#session) return;
    this.#outbox.detach();
    this.#recovery.sessionLost();
    this.#failPings(error);
    this.#presence.fail(error);
    this.#direct.fail(error);
    if (!this.#reconnect.enabled || ENDING_FAILURES.has(error.code)) {
      this.#end(error);
      return;
    }
    this.emit('disconnected', error);
    void this.#rehome();
  }

  async #rehome(): Promise<void> {
    const controller = new AbortController();
    this.#reconnecting = controller;
    let session: Session;
    try {
      session = await reopenSession(this.#openSession, this.#reconnect, controller.signal, (attempt) => {
        if (!controller.signal.aborted) this.emit('reconnecting', attempt);
      });
    } catch (error) {
      this.#reconnecting = undefined;
      if (!this.#closed) this.#end(error instanceof BrokerClientError ? error : new BrokerClientError('CLOSED', String(error)));
      return;
    }
    this.#reconnecting = undefined;
    if (this.#closed) {
      session.close();
      return;
    }
    this.#session = this.#adopt(session);
    this.#outbox.attach(session, this.#firstFrames(session));
    this.emit('reconnected', { alias: session.alias, serverAlias: session.serverAlias });
  }

  /**
   * The comm server is draining: make before break. The new session gets the
   * subscriptions and all publishing at once, starting with what the old one
   * had not acknowledged; the old one keeps delivering for `drainOverlapMs`
   * (a message may then arrive twice, never not at all).
   */
  async #move(): Promise<void> {
    if (this.#moving || this.reconnecting || this.#closed) return;
    this.#moving = true;
    const old = this.#session;
    try {
      const next = await this.#openSession();
      if (this.#closed || old !== this.#session) {
        next.close();
        return;
      }
      this.#session = this.#adopt(next);
      this.#outbox.attach(next, this.#firstFrames(next));
      this.emit('reconnected', { alias: next.alias, serverAlias: next.serverAlias });
      await new Promise((resolve) => setTimeout(resolve, this.#drainOverlapMs));
    } catch {
      // No other server could be reached: stay until the draining server closes us, then re-home as usual.
      return;
    } finally {
      this.#moving = false;
    }
    old.close();
  }

  #failPings(error: BrokerClientError): void {
    for (const pending of this.#pings.values()) {
      clearTimeout(pending.timer);
      pending.reject(error);
    }
    this.#pings.clear();
  }

  #end(error: BrokerClientError): void {
    this.#closed = true;
    this.#failPings(error);
    this.#presence.fail(error);
    this.#direct.fail(error);
    this.#outbox.close(error);
    this.emit('close', error);
  }
}

const DEFAULT_RELIABLE_QUEUE_BYTES = 4 * 1024 * 1024;
const DEFAULT_CONNECT_ATTEMPTS = 3;

function sessionOptionsFrom(options: BrokerClientOptions, clientId: Uint8Array): SessionOptions {
  const runtime = clientRuntime();
  const rtc = options.rtc ?? runtime?.rtc;
  const WebSocket = options.WebSocket ?? runtime?.WebSocket;
  if (!rtc || !WebSocket) {
    throw new TypeError('no RTCPeerConnection/WebSocket runtime: import the client from its Node or browser entry, or pass `rtc` and `WebSocket`');
  }
  const transport = options.transport ?? 'auto';
  if (!TRANSPORTS.includes(transport)) {
    throw new TypeError(`transport must be ${TRANSPORTS.join(', ')} or left out, not ${JSON.stringify(transport)}`);
  }
  const body = options.auth?.body;
  return {
    coordinatorUrl: coordinatorUrlsOf(options.coordinatorUrl)[0]!,
    rtc,
    WebSocket,
    iceServers: options.iceServers ?? [],
    authBody: typeof body === 'string' ? utf8.encode(body) : body,
    authQuery: options.auth?.query ?? {},
    connectTimeoutMs: options.connectTimeoutMs ?? 15_000,
    reliableQueueBytes: options.reliableQueueBytes ?? DEFAULT_RELIABLE_QUEUE_BYTES,
    unreliableQueueBytes: options.unreliableQueueBytes ?? 256 * 1024,
    sendWindowBytes: options.sendWindowBytes ?? 256 * 1024,
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1_000,
    heartbeatTimeoutMs: options.heartbeatTimeoutMs ?? 5_000,
    transport,
    webrtcTimeoutMs: options.webrtcTimeoutMs ?? 5_000,
    batch: options.batch ?? true,
    clientId,
  };
}

function coordinatorUrlsOf(value: string | readonly string[]): readonly string[] {
  const urls = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(urls) || urls.length === 0 || urls.some((url) => typeof url !== 'string')) {
    throw new TypeError('coordinatorUrl must be a URL or a non-empty list of URLs');
  }
  return urls;
}

function toList(topics: string | Iterable<string>): Iterable<string> {
  return typeof topics === 'string' ? [topics] : topics;
}

function toBytes(body: Uint8Array | string): Uint8Array {
  return typeof body === 'string' ? utf8.encode(body) : body;
}

function channelOf(options: PublishOptions): ChannelKind {
  return options.reliable === false ? 'unreliable' : 'reliable';
}

/** A TOPIC_FW or TOPIC_IDENTITY_FW as the application gets it, with its publisher and topic_seq (0 if not numbered); undefined for a server's identity message. */
function received(channel: ChannelKind, frame: Uint8Array): NumberedMessage | undefined {
  const reliable = channel === 'reliable';
  const type = peekType(frame);
  if (type === MessageType.TOPIC_FW) {
    const { topic, fromAlias, body, publisher, topicSeq } = TopicFW.decode(frame);
    return { message: { topic, from: fromAlias, body, reliable }, publisher, topicSeq };
  }
  if (type !== MessageType.TOPIC_IDENTITY_FW) return undefined;
  const { topic, fromAlias, body, identity, role, publisher, topicSeq } = TopicIdentityFW.decode(frame);
  if (role !== Role.CLIENT && role !== Role.UNKNOWN_ROLE) return undefined;
  return { message: { topic, from: fromAlias, body, reliable, identity }, publisher, topicSeq };
}
