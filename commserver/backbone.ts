// The NATS backbone (`--backbone nats`): comm servers exchange topic messages
// over NATS subjects instead of WebRTC links to each other.
//
// - `<prefix>.topic.<topic>`: a comm server publishes each of its clients'
//   topic messages once on its topic's subject, and subscribes to the
//   subjects of the topics its clients want: NATS's subscriptions are the
//   interest, nothing else propagates it. What arrives goes to the local
//   subscribers as a message from the publishing server's link.
// - `<prefix>.link.<server id>`: the frames of the links between servers
//   (backbone-connection.ts), which carry everything else a link carries.
//
// Topics and server ids that are not plain subject tokens are written
// base64url-encoded after a `=`. Each topic message carries its server's
// number of it on its topic, so loss (NATS core delivers at most once) is
// counted; with a cluster secret every message is sealed and what fails
// the seal is dropped (backbone-envelope.ts).
import type { NatsConnection, Subscription } from '@nats-io/transport-node';
import type { Logger } from '../shared/log.js';
import type { NatsSeal } from '../shared/nats-seal.js';
import type { ChannelKind } from '../shared/rtc.js';
import { BackboneConnection, type BackboneLinks } from './backbone-connection.js';
import { EnvelopeKind, decodeEnvelope, encodeEnvelope, type Envelope } from './backbone-envelope.js';
import { IncomingSequences, OutgoingSequences } from './backbone-sequences.js';

export interface BackboneOptions {
  /** A connection to NATS; its owner closes it after the comm server. */
  connection: NatsConnection;
  /** The first token of every subject: one per cluster sharing a NATS. */
  subjectPrefix: string;
  /** With a cluster secret: seal what is published, drop what fails the seal. */
  seal?: NatsSeal;
  /** Topics this server numbers its messages on at once (the least recently used counter goes first). */
  maxTopicCounters: number;
}

export interface BackboneStats {
  /** Topic messages published, and received from other servers. */
  published: number;
  received: number;
  /** Topic messages other servers published that never arrived here (numbers skipped). */
  lost: number;
  /** Topic messages numbered at or below one already seen on their topic (their server restarted, or someone without the cluster secret published them): delivered. */
  outOfOrder: number;
  /** Topic messages from a server this one has no link to (yet, or any more): dropped. */
  unlinked: number;
  /** Messages malformed, failing the seal, or not a topic message on a topic's subject: dropped. */
  rejected: number;
  /** Link frames for a link not known here: dropped. */
  unknownLink: number;
}

/** What became of a topic message handed to the local subscribers: `unlinked`, no link to its server; `rejected`, not a topic message. */
export type BackboneDelivery = 'delivered' | 'unlinked' | 'rejected';

const TOKEN = /^[A-Za-z0-9_-]{1,64}$/;

/** A name as one subject token: itself when plain, else `=` and its base64url. */
function subjectToken(name: string): string {
  return TOKEN.test(name) ? name : `=${Buffer.from(name).toString('base64url')}`;
}

export class NatsBackbone implements BackboneLinks {
  readonly serverId: string;
  readonly stats: BackboneStats = { published: 0, received: 0, lost: 0, outOfOrder: 0, unlinked: 0, rejected: 0, unknownLink: 0 };
  readonly #options: BackboneOptions;
  readonly #logger: Logger;
  readonly #deliver: (from: string, channel: ChannelKind, frame: Uint8Array) => BackboneDelivery;
  readonly #links = new Map<string, BackboneConnection>();
  readonly #topicSubscriptions = new Map<string, Subscription>();
  readonly #outgoing: OutgoingSequences;
  readonly #incoming = new IncomingSequences();
  #linkSubscription: Subscription | undefined;
  #connected = true;
  #closed = false;
  /** Gaps in other servers' numbers seen: the loss is logged at the first and every hundredth. */
  #gaps = 0;

  /** `deliver` hands a topic message from server `from` to the local subscribers, through that server's link. */
  constructor(serverId: string, options: BackboneOptions, logger: Logger, deliver: (from: string, channel: ChannelKind, frame: Uint8Array) => BackboneDelivery) {
    this.serverId = serverId;
    this.#options = options;
    this.#logger = logger;
    this.#deliver = deliver;
    this.#outgoing = new OutgoingSequences(options.maxTopicCounters);
  }

  /** Whether the connection to NATS is up (false while it reconnects). */
  get connected(): boolean {
    return this.#connected;
  }

  start(): void {
    void this.#watchConnection();
    const subject = this.#linkSubject(this.serverId);
    this.#linkSubscription = this.#options.connection.subscribe(subject, {
      callback: (error, message) => {
        if (error) this.#logger.warn({ err: error.message, subject }, 'backbone link subscription failed');
        else this.#onLinkMessage(message.subject, message.data);
      },
    });
  }

  /** Follows the connection's state until it closes (or, after close(), its next change). */
  async #watchConnection(): Promise<void> {
    for await (const status of this.#options.connection.status()) {
      if (this.#closed) break;
      if (status.type === 'disconnect') this.#connected = false;
      else if (status.type === 'reconnect') this.#connected = true;
    }
  }

  close(): void {
    this.#closed = true;
    this.#linkSubscription?.unsubscribe();
    for (const subscription of this.#topicSubscriptions.values()) subscription.unsubscribe();
    this.#topicSubscriptions.clear();
  }

  /** A link to another server over NATS, for a peer of this server. */
  connection(): BackboneConnection {
    return new BackboneConnection(this);
  }

  /** Resolves once NATS has everything published so far (a client's ACK waits for it). */
  flushed(): Promise<void> {
    return this.#options.connection.flush();
  }

  /** Subscribes to exactly the subjects of `topics`: what the local clients want. */
  setInterest(topics: ReadonlySet<string>): void {
    for (const [topic, subscription] of this.#topicSubscriptions) {
      if (topics.has(topic)) continue;
      subscription.unsubscribe();
      this.#topicSubscriptions.delete(topic);
      this.#incoming.forgetTopic(topic);
    }
    for (const topic of topics) {
      if (this.#topicSubscriptions.has(topic)) continue;
      const subject = this.#topicSubject(topic);
      this.#topicSubscriptions.set(topic, this.#options.connection.subscribe(subject, {
        callback: (error, message) => {
          if (error) this.#logger.warn({ err: error.message, topic }, 'backbone topic subscription failed');
          else this.#onTopicMessage(topic, message.subject, message.data);
        },
      }));
    }
  }

  /** A local client's topic message, as other servers get it: published once. */
  publishTopic(channel: ChannelKind, topic: string, frame: Uint8Array): void {
    this.#publish(this.#topicSubject(topic), {
      kind: EnvelopeKind.TOPIC, channel, from: this.serverId, linkId: '', seq: this.#outgoing.next(topic), frame,
    });
    this.stats.published++;
  }

  /** Another server's link is gone: its numbers start afresh when it is back. */
  forgetServer(serverId: string): void {
    this.#incoming.forgetServer(serverId);
  }

  send(toServerId: string, linkId: string, channel: ChannelKind, frame: Uint8Array): void {
    this.#publish(this.#linkSubject(toServerId), { kind: EnvelopeKind.FRAME, channel, from: this.serverId, linkId, seq: 0, frame });
  }

  sendClose(toServerId: string, linkId: string): void {
    this.#publish(this.#linkSubject(toServerId), { kind: EnvelopeKind.CLOSE, channel: 'reliable', from: this.serverId, linkId, seq: 0, frame: EMPTY });
  }

  register(linkId: string, connection: BackboneConnection): void {
    this.#links.set(linkId, connection);
  }

  forget(linkId: string): void {
    this.#links.delete(linkId);
  }

  #publish(subject: string, envelope: Envelope): void {
    const { connection } = this.#options;
    if (connection.isClosed()) return;
    connection.publish(subject, encodeEnvelope(subject, envelope, this.#options.seal));
  }

  #onLinkMessage(subject: string, data: Uint8Array): void {
    const envelope = decodeEnvelope(subject, data, this.#options.seal);
    if (envelope === undefined || envelope.kind === EnvelopeKind.TOPIC) {
      this.#rejected(subject);
      return;
    }
    const link = this.#links.get(envelope.linkId);
    if (link === undefined) this.stats.unknownLink++;
    else if (envelope.kind === EnvelopeKind.CLOSE) link.remoteClosed(envelope.from);
    else link.received(envelope.from, envelope.channel, envelope.frame);
  }

  #onTopicMessage(topic: string, subject: string, data: Uint8Array): void {
    const envelope = decodeEnvelope(subject, data, this.#options.seal);
    if (envelope === undefined || envelope.kind !== EnvelopeKind.TOPIC) {
      this.#rejected(subject);
      return;
    }
    if (envelope.from === this.serverId) return;
    const delivery = this.#deliver(envelope.from, envelope.channel, envelope.frame);
    if (delivery === 'rejected') {
      this.#rejected(subject);
      return;
    }
    if (delivery === 'unlinked') this.stats.unlinked++;
    this.stats.received++;
    const heard = this.#incoming.heard(topic, envelope.from, envelope.seq);
    if (heard === 'renumbered') this.stats.outOfOrder++;
    else if (heard > 0) {
      this.stats.lost += heard;
      if (this.#gaps++ % 100 === 0) this.#logger.warn({ topic, from: envelope.from, lost: this.stats.lost }, 'topic messages lost on the NATS backbone');
    }
  }

  #rejected(subject: string): void {
    if (this.stats.rejected++ % 100 === 0) this.#logger.warn({ subject, rejected: this.stats.rejected }, 'dropped a malformed or unsealed backbone message');
  }

  #linkSubject(serverId: string): string {
    return `${this.#options.subjectPrefix}.link.${subjectToken(serverId)}`;
  }

  #topicSubject(topic: string): string {
    return `${this.#options.subjectPrefix}.topic.${topic === '' ? '=' : subjectToken(topic)}`;
  }
}

const EMPTY = new Uint8Array(0);
