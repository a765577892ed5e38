// Forwarding one topic message: each frame kind is encoded once, and only if
// someone will receive it; every subscriber's writer gets the same bytes.
// This runs once per received message and loops over the subscribers: no
// closures, no result object or message to encode made per call, nothing
// allocated per subscriber. TOPIC and TOPIC_IDENTITY take the same path and
// differ only in their encoders (`topicFrames`, `topicIdentityFrames`).
import {
  MessageType, Role, Topic, TopicFW, TopicIdentity, TopicIdentityFW,
  type TopicFWMessage, type TopicIdentityFWMessage, type TopicIdentityMessage, type TopicMessage,
} from '../shared/codec.js';
import type { ChannelKind } from '../shared/rtc.js';
import type { Peer } from './peer.js';
import type { TopicSubscribers } from './router.js';

export interface FanoutResult {
  clients: number;
  servers: number;
}

/** Reused by every call: read it before the next forward. */
const result: FanoutResult = { clients: 0, servers: 0 };

/** Writes `frame` to every subscriber in `peers` but the sender; returns how many. */
function writeAll(peers: ReadonlySet<Peer>, sender: Peer, channel: ChannelKind, frame: Uint8Array): number {
  let count = 0;
  for (const peer of peers) {
    if (peer === sender) continue;
    peer.send(channel, frame);
    count++;
  }
  return count;
}

/**
 * Writes a topic message to every client in `peers` but the sender: a
 * numbered one with its publisher and topic_seq to clients that read them,
 * without to the others (the original's clients); each frame encoded once,
 * and only if someone gets it.
 */
function writeToClients<M extends TopicMessage | TopicIdentityMessage>(
  frames: TopicFrames<M>, message: M, fromAlias: number, sender: Peer, peers: ReadonlySet<Peer>, channel: ChannelKind,
): number {
  const numbered = message.topicSeq > 0;
  let plainFrame: Uint8Array | undefined;
  let numberedFrame: Uint8Array | undefined;
  let count = 0;
  for (const peer of peers) {
    if (peer === sender) continue;
    const frame = numbered && peer.readsNumbers
      ? (numberedFrame ??= frames.forClients(message, fromAlias, sender, true))
      : (plainFrame ??= frames.forClients(message, fromAlias, sender, false));
    peer.send(channel, frame);
    count++;
  }
  return count;
}

/** Whether `peers` holds anyone but the sender. */
function anyoneBut(peers: ReadonlySet<Peer>, sender: Peer): boolean {
  return peers.size > 1 || (peers.size === 1 && !peers.has(sender));
}

/**
 * How one kind of topic message is encoded for its receivers. The kinds are
 * static objects: nothing is made per message but the frames themselves.
 */
export interface TopicFrames<M extends TopicMessage | TopicIdentityMessage> {
  /** The frame local clients get (TOPIC_FW, TOPIC_IDENTITY_FW); `numbered`: with the message's publisher and topic_seq. */
  forClients(message: M, fromAlias: number, sender: Peer, numbered: boolean): Uint8Array;
  /** The frame other servers get of a client's message (TOPIC, TOPIC_IDENTITY) with its publisher and numbers. */
  forServers(message: M, fromAlias: number, sender: Peer): Uint8Array;
}

const NO_BYTES = new Uint8Array(0);

// The messages the encoders fill in and encode, one per frame shape: encoding
// is synchronous, so one of each serves every call. Fields at their default
// (0, empty) are not written, so an unnumbered message leaves without
// publisher, seq and topic_seq.
const topicFW: TopicFWMessage = { type: MessageType.TOPIC_FW, fromAlias: 0, body: NO_BYTES, topic: '', publisher: NO_BYTES, topicSeq: 0 };
const topic: TopicMessage = { type: MessageType.TOPIC, fromAlias: 0, topic: '', body: NO_BYTES, publisher: NO_BYTES, seq: 0, topicSeq: 0 };
const topicIdentityFW: TopicIdentityFWMessage = {
  type: MessageType.TOPIC_IDENTITY_FW, fromAlias: 0, identity: NO_BYTES, role: Role.CLIENT, body: NO_BYTES, topic: '',
  publisher: NO_BYTES, topicSeq: 0,
};
const topicIdentity: TopicIdentityMessage = {
  type: MessageType.TOPIC_IDENTITY, fromAlias: 0, topic: '', identity: NO_BYTES, role: Role.CLIENT, body: NO_BYTES,
  publisher: NO_BYTES, seq: 0, topicSeq: 0,
};

/** The fields every topic frame shares, set on one of the frames above; `numbered`: with the publisher and topic_seq. */
function stamp<F extends TopicFWMessage | TopicMessage | TopicIdentityFWMessage | TopicIdentityMessage>(
  frame: F, message: TopicMessage | TopicIdentityMessage, fromAlias: number, numbered: boolean,
): F {
  frame.fromAlias = fromAlias;
  frame.topic = message.topic;
  frame.body = message.body;
  frame.topicSeq = numbered ? message.topicSeq : 0;
  frame.publisher = numbered ? message.publisher : NO_BYTES;
  return frame;
}

/** TOPIC: clients get TOPIC_FW. */
export const topicFrames: TopicFrames<TopicMessage> = {
  forClients(message, fromAlias, _sender, numbered) {
    return TopicFW.encode(stamp(topicFW, message, fromAlias, numbered));
  },
  forServers(message, fromAlias) {
    topic.seq = message.seq;
    return Topic.encode(stamp(topic, message, fromAlias, message.seq > 0));
  },
};

/** TOPIC_IDENTITY: a client's identity and role are stamped from its AUTH, never taken from the message. */
export const topicIdentityFrames: TopicFrames<TopicIdentityMessage> = {
  forClients(message, fromAlias, sender, numbered) {
    const fromServer = sender.isServer;
    topicIdentityFW.identity = fromServer ? message.identity : sender.identity;
    topicIdentityFW.role = fromServer ? message.role : Role.CLIENT;
    return TopicIdentityFW.encode(stamp(topicIdentityFW, message, fromAlias, numbered));
  },
  forServers(message, fromAlias, sender) {
    topicIdentity.identity = sender.identity;
    topicIdentity.seq = message.seq;
    return TopicIdentity.encode(stamp(topicIdentity, message, fromAlias, message.seq > 0));
  },
};

/**
 * A topic message of the kind `frames` encodes: local clients get its client
 * frame, servers its server frame, each encoded once. A server's frame
 * already names the original sender and goes on unchanged; a message that
 * came from a server only goes on to servers through a HUB
 * (`relayToServers`). Never back to the sender. A message the clients here
 * already got (a publisher's resend, `toClients` false) still goes on to the
 * servers.
 */
export function forwardTopic<M extends TopicMessage | TopicIdentityMessage>(
  frames: TopicFrames<M>, sender: Peer, channel: ChannelKind, message: M, received: Uint8Array,
  subscribers: TopicSubscribers<Peer>, relayToServers: boolean, toClients: boolean,
): FanoutResult {
  const fromServer = sender.isServer;
  const fromAlias = fromServer ? message.fromAlias : sender.alias;
  result.clients = 0;
  result.servers = 0;
  if (toClients && anyoneBut(subscribers.clients, sender)) {
    result.clients = writeToClients(frames, message, fromAlias, sender, subscribers.clients, channel);
  }
  if ((!fromServer || relayToServers) && anyoneBut(subscribers.servers, sender)) {
    const frame = fromServer ? received : frames.forServers(message, fromAlias, sender);
    result.servers = writeAll(subscribers.servers, sender, channel, frame);
  }
  return result;
}
