// What a comm server does with each frame of an admitted peer, by type:
// TOPIC and TOPIC_IDENTITY go to their subscribers (fanout.ts) and, on the
// NATS backbone, a client's once to the other servers; SUBSCRIPTION
// replaces the peer's topic set in the routing table (and may change what we
// ask the other servers for), PING comes back to a client. A client's frames
// are held to the message rate and size first. A numbered reliable message
// (the `ack` extension) is checked for duplicates before it reaches the
// clients here, and counted towards its publisher's ACK once forwarded; ACK
// from a linked server is handed to the acknowledgements. The dispatcher owns
// the routing table, the clients' rate buckets and the publishers' windows.
// Subscription changes and peers leaving also go to presence, whose frames
// (PRESENCE from clients, MEMBER_DELTA from links) are handed to it; DIRECT
// and DIRECT_RESULT go to direct messages, DIRECTORY to the directory, from
// peers that announced `direct` only, and peers leaving to both. A client
// whose credentials limit its topics gets an ERROR for a message on a topic
// it may not publish to (dropped, acknowledged all the same) and for the
// topics of its SUBSCRIPTION it may not subscribe to (left out).
import {
  Ack, DIRECT_EXTENSION, Direct, DirectResult, Directory as DirectoryFrame, History, MemberDelta, MessageType, Presence, Recover, Role, Subscription, Topic,
  TopicIdentity, peekType, type TopicIdentityMessage, type TopicMessage,
} from '../shared/codec.js';
import type { CommServerLimits } from '../shared/config.js';
import { TokenBucket } from '../shared/rate-limit.js';
import type { ChannelKind } from '../shared/rtc.js';
import type { Acknowledgements } from './acknowledgements.js';
import type { Recovery } from './recovery.js';
import type { Presence as PresenceModule } from './presence.js';
import type { DirectMessages } from './direct.js';
import type { Directory } from './directory.js';
import type { TopicHistory } from './topic-history.js';
import { publishDeniedFrame, subscribeDeniedFrames } from './denied.js';
import { forwardTopic, topicFrames, topicIdentityFrames, type TopicFrames } from './fanout.js';
import type { Peer, PeerCloseReason } from './peer.js';
import { RoutingTable, type TopicSubscribers } from './router.js';
import type { ServerLinks } from './server-links.js';
import type { CommServerStats } from './stats.js';
import { decodeTopicSet } from './topic-set.js';
import { PUBLISHER_ID_BYTES, PublisherWindows } from './publisher-windows.js';

export interface DispatcherOptions {
  limits: CommServerLimits;
  /** A HUB relays topic messages between the servers linked to it. */
  hub: boolean;
  stats: CommServerStats;
  serverLinks: ServerLinks;
  acknowledgements: Acknowledgements;
  history: TopicHistory;
  recovery: Recovery;
  presence: PresenceModule;
  directory: Directory;
  direct: DirectMessages;
  /** On the NATS backbone: where a client's topic message goes to the other servers, once. */
  backbone?: { publishTopic(channel: ChannelKind, topic: string, frame: Uint8Array): void };
  /** Closes a peer for what it sent (the caller logs it once). */
  reject: (peer: Peer, reason: PeerCloseReason, detail: string) => void;
  /** A client's frame over the message rate (before it is dropped or the client closed). */
  onRateLimited: (peer: Peer, channel: ChannelKind) => void;
  /** Another server's SUBSCRIPTION was applied. */
  onServerInterest: (peer: Peer, topics: ReadonlySet<string>) => void;
}

export class Dispatcher {
  /** Client frames over the message rate: dropped on `unreliable`, closing the client on `reliable`. */
  readonly rateLimited = { dropped: 0, closed: 0 };
  readonly #options: DispatcherOptions;
  readonly #routing = new RoutingTable<Peer>();
  readonly #messageRates = new WeakMap<Peer, TokenBucket>();
  readonly #publishers: PublisherWindows;

  constructor(options: DispatcherOptions) {
    this.#options = options;
    this.#publishers = new PublisherWindows({
      maxPublishers: options.limits.maxPublisherWindows,
      idleMs: options.limits.publisherWindowIdleMs,
    });
  }

  /** Topics subscribed here, locally or by other servers. */
  get topicCount(): number {
    return this.#routing.topicCount;
  }

  /** The topics a peer subscribed to (another server's: the union of its clients'). */
  topicsOf(peer: Peer): ReadonlySet<string> {
    return this.#routing.topicsOf(peer);
  }

  /** A peer left: its topics are routed no more, and the other servers hear of it. */
  forget(peer: Peer, reason: PeerCloseReason): void {
    const removed = this.#routing.remove(peer, peer.isServer ? 'server' : 'client');
    this.#options.serverLinks.topicsChanged(peer, [], removed);
    this.#options.presence.forget(peer, removed, reason);
    this.#options.acknowledgements.forget(peer);
    this.#options.recovery.forget(peer);
    this.#options.directory.forget(peer);
    this.#options.direct.forget(peer);
  }

  handle(peer: Peer, channel: ChannelKind, frame: Uint8Array): void {
    const { limits, stats, reject } = this.#options;
    if (!peer.isServer && !this.#withinMessageRate(peer, channel)) return;
    if (!peer.isServer && frame.length > limits.maxMessageBytes) {
      reject(peer, 'protocol-error', `message of ${frame.length} bytes is over the limit`);
      return;
    }
    try {
      this.#dispatch(peer, channel, frame, peekType(frame));
    } catch (error) {
      stats.undecodable++;
      reject(peer, 'protocol-error', (error as Error).message);
    }
  }

  /**
   * A topic message another server published on the NATS backbone, as if
   * its link had carried it. Anyone on that NATS may publish there (without
   * the cluster secret's seal): what is not a topic message, or does not
   * decode, is dropped (false) and never held against the link.
   */
  handleFromBackbone(link: Peer, channel: ChannelKind, frame: Uint8Array): boolean {
    try {
      const type = peekType(frame);
      if (type !== MessageType.TOPIC && type !== MessageType.TOPIC_IDENTITY) return false;
      this.#dispatch(link, channel, frame, type);
      return true;
    } catch {
      this.#options.stats.undecodable++;
      return false;
    }
  }

  #dispatch(peer: Peer, channel: ChannelKind, frame: Uint8Array, type: MessageType): void {
    const { stats, reject } = this.#options;
    stats.received(channel, type, frame.length);
    // Every reliable frame of a link but an ACK is counted (Peer) and acknowledged.
    if (peer.isServer && channel === 'reliable' && type !== MessageType.ACK) this.#options.acknowledgements.receivedFromLink();
    switch (type) {
      case MessageType.TOPIC: {
        const message = Topic.decode(frame);
        if (!this.#mayPublish(peer, channel, message)) return;
        const fresh = this.#isFresh(peer, channel, message);
        if (fresh === undefined) return;
        if (fresh) this.#record(peer, channel, MessageType.TOPIC, message);
        const { clients, servers } = forwardTopic(topicFrames, peer, channel, message, frame, this.#subscribers(message.topic), this.#options.hub, fresh);
        stats.forwarded(channel, MessageType.TOPIC_FW, MessageType.TOPIC, clients, servers);
        this.#toBackbone(peer, channel, message, topicFrames);
        this.#forwarded(peer, channel, message);
        return;
      }
      case MessageType.TOPIC_IDENTITY: {
        const message = TopicIdentity.decode(frame);
        if (!this.#mayPublish(peer, channel, message)) return;
        const fresh = this.#isFresh(peer, channel, message);
        if (fresh === undefined) return;
        if (fresh) this.#record(peer, channel, MessageType.TOPIC_IDENTITY, message);
        const { clients, servers } = forwardTopic(
          topicIdentityFrames, peer, channel, message, frame, this.#subscribers(message.topic), this.#options.hub, fresh,
        );
        stats.forwarded(channel, MessageType.TOPIC_IDENTITY_FW, MessageType.TOPIC_IDENTITY, clients, servers);
        this.#toBackbone(peer, channel, message, topicIdentityFrames);
        this.#forwarded(peer, channel, message);
        return;
      }
      case MessageType.ACK:
        if (peer.isServer && channel === 'reliable') this.#options.acknowledgements.acknowledgedByLink(peer, Ack.decode(frame).seq);
        return;
      case MessageType.SUBSCRIPTION:
        this.#onSubscription(peer, frame);
        return;
      case MessageType.RECOVER: {
        if (peer.isServer || channel !== 'reliable') {
          stats.ignored++;
          return;
        }
        const request = Recover.decode(frame);
        if (this.#routing.topicsOf(peer).has(request.topic)) this.#options.recovery.recover(peer, request);
        // Its SUBSCRIPTION of the topic was refused (ERROR) after the RECOVER had left.
        else if (peer.topicRules?.maySubscribe(request.topic) === false) stats.ignored++;
        else reject(peer, 'protocol-error', 'RECOVER for a topic it is not subscribed to');
        return;
      }
      case MessageType.HISTORY:
        if (peer.isServer && channel === 'reliable') this.#options.recovery.history(peer, History.decode(frame));
        else stats.ignored++;
        return;
      case MessageType.PRESENCE: {
        if (peer.isServer || channel !== 'reliable') {
          stats.ignored++;
          return;
        }
        const request = Presence.decode(frame);
        this.#options.presence.request(peer, request, this.#routing.topicsOf(peer).has(request.topic));
        return;
      }
      case MessageType.MEMBER_DELTA:
        if (peer.isServer && channel === 'reliable') this.#options.presence.delta(peer, MemberDelta.decode(frame));
        else stats.ignored++;
        return;
      case MessageType.DIRECT:
        if (!peer.extensions.has(DIRECT_EXTENSION)) stats.ignored++;
        else if (peer.isServer) this.#options.direct.fromLink(peer, channel, Direct.decode(frame));
        else this.#options.direct.fromClient(peer, channel, Direct.decode(frame));
        return;
      case MessageType.DIRECT_RESULT:
        if (peer.isServer && channel === 'reliable' && peer.extensions.has(DIRECT_EXTENSION)) this.#options.direct.result(peer, DirectResult.decode(frame));
        else stats.ignored++;
        return;
      case MessageType.DIRECTORY:
        if (peer.isServer && channel === 'reliable' && peer.extensions.has(DIRECT_EXTENSION)) this.#options.directory.receive(peer, DirectoryFrame.decode(frame));
        else stats.ignored++;
        return;
      case MessageType.PING:
        // Clients get their PING back. Servers' PINGs only keep the link alive:
        // echoing them too would bounce one PING between two servers forever.
        if (!peer.isServer) peer.send(channel, frame);
        return;
      default:
        stats.ignored++;
    }
  }

  /**
   * Whether the clients here get a message: true unless it is numbered and
   * was seen before. A duplicate from a server goes nowhere (undefined); one
   * from a client (its resend after re-homing) still goes on to the servers,
   * which may have missed it when its old server died. A client's publisher
   * id other than 16 bytes closes it.
   */
  #isFresh(peer: Peer, channel: ChannelKind, message: Pick<TopicMessage, 'publisher' | 'seq'>): boolean | undefined {
    if (message.seq <= 0 || channel !== 'reliable') return true;
    if (message.publisher.length !== PUBLISHER_ID_BYTES) {
      if (!peer.isServer) throw new RangeError(`publisher id of ${message.publisher.length} bytes, not ${PUBLISHER_ID_BYTES}`);
      return true;
    }
    if (this.#publishers.isNew(message.publisher, message.seq)) return true;
    this.#options.stats.duplicates++;
    return peer.isServer ? undefined : false;
  }

  /**
   * Whether a client may publish on the message's topic (servers may: their
   * clients were checked). A refused message is dropped, counted and
   * answered with an ERROR; a numbered one still counts towards the
   * client's ACK, or it would be sent again after every re-homing.
   */
  #mayPublish(peer: Peer, channel: ChannelKind, message: Pick<TopicMessage, 'topic' | 'seq'>): boolean {
    const rules = peer.topicRules;
    if (rules === undefined || rules.mayPublish(message.topic)) return true;
    this.#options.stats.denied.publish++;
    peer.send('reliable', publishDeniedFrame(message.topic));
    this.#forwarded(peer, channel, message);
    return false;
  }

  /** A numbered reliable message goes into its topic's history, as its publisher's server stamped it. */
  #record(peer: Peer, channel: ChannelKind, kind: typeof MessageType.TOPIC | typeof MessageType.TOPIC_IDENTITY, message: TopicMessage | TopicIdentityMessage): void {
    if (channel !== 'reliable' || message.topicSeq <= 0 || message.publisher.length !== PUBLISHER_ID_BYTES) return;
    const fromServer = peer.isServer;
    const stamped = kind === MessageType.TOPIC_IDENTITY && !fromServer;
    this.#options.history.record({
      kind,
      topic: message.topic,
      fromAlias: fromServer ? message.fromAlias : peer.alias,
      body: message.body,
      identity: stamped ? peer.identity : (message as TopicIdentityMessage).identity ?? EMPTY,
      role: stamped ? Role.CLIENT : (message as TopicIdentityMessage).role ?? Role.UNKNOWN_ROLE,
      publisher: message.publisher,
      seq: message.seq,
      topicSeq: message.topicSeq,
    });
  }

  /** A client's topic message goes to the other servers on the NATS backbone, once (a server's came from there). */
  #toBackbone<M extends TopicMessage | TopicIdentityMessage>(peer: Peer, channel: ChannelKind, message: M, frames: TopicFrames<M>): void {
    if (this.#options.backbone === undefined || peer.isServer) return;
    this.#options.backbone.publishTopic(channel, message.topic, frames.forServers(message, peer.alias, peer));
  }

  /** A client's numbered message counts towards its ACK once forwarded. */
  #forwarded(peer: Peer, channel: ChannelKind, message: Pick<TopicMessage, 'seq'>): void {
    if (channel === 'reliable' && !peer.isServer && message.seq > 0) this.#options.acknowledgements.forwarded(peer, message.seq);
  }

  #subscribers(topic: string): TopicSubscribers<Peer> {
    return this.#routing.subscribers(topic) ?? NO_SUBSCRIBERS;
  }

  /**
   * A client's token bucket. Over it, an `unreliable` frame is dropped (the
   * channel may lose it anyway) and a `reliable` one closes the client (a
   * reliable stream must not lose messages silently). Servers are exempt.
   */
  #withinMessageRate(peer: Peer, channel: ChannelKind): boolean {
    const { limits } = this.#options;
    let bucket = this.#messageRates.get(peer);
    if (bucket === undefined) {
      bucket = new TokenBucket(limits.maxMessagesPerSecond, limits.messageBurst);
      this.#messageRates.set(peer, bucket);
    }
    if (bucket.take()) return true;
    this.#options.onRateLimited(peer, channel);
    if (channel === 'unreliable') {
      this.rateLimited.dropped++;
      return false;
    }
    this.rateLimited.closed++;
    this.#options.reject(peer, 'rate-limited', 'reliable messages over the rate limit');
    return false;
  }

  #onSubscription(peer: Peer, frame: Uint8Array): void {
    const { limits } = this.#options;
    const message = Subscription.decode(frame);
    const fromServer = peer.isServer;
    const requested = decodeTopicSet(message.format, message.topics, {
      maxBytes: fromServer ? limits.maxServerSubscriptionBytes : limits.maxSubscriptionBytes,
      maxTopics: fromServer ? limits.maxTopicsPerServer : limits.maxTopicsPerPeer,
      maxTopicLength: limits.maxTopicLength,
    });
    const topics = this.#allowedTopics(peer, requested);
    const { added, removed } = this.#routing.replace(peer, fromServer ? 'server' : 'client', topics);
    this.#options.serverLinks.topicsChanged(peer, added, removed);
    if (fromServer) this.#options.onServerInterest(peer, topics);
    else this.#options.presence.subscriptionChanged(peer, added, removed, topics, message.presenceTopics);
  }

  /** The topics of a SUBSCRIPTION the peer may subscribe to; the others are counted and answered with ERROR. */
  #allowedTopics(peer: Peer, requested: Set<string>): Set<string> {
    const rules = peer.topicRules;
    if (rules?.subscribe === undefined) return requested;
    const allowed = new Set<string>();
    const denied: string[] = [];
    for (const topic of requested) {
      if (rules.maySubscribe(topic)) allowed.add(topic);
      else denied.push(topic);
    }
    if (denied.length === 0) return requested;
    this.#options.stats.denied.subscribe += denied.length;
    for (const frame of subscribeDeniedFrames(denied)) peer.send('reliable', frame);
    return allowed;
  }
}

const EMPTY = new Uint8Array(0);
const NO_SUBSCRIBERS: TopicSubscribers<Peer> = { clients: new Set<Peer>(), servers: new Set<Peer>() };
