// Forwarding one topic message: each frame kind is encoded once, and only if
// someone will receive it; every subscriber's writer gets the same bytes.
// This runs once per received message and loops over the subscribers: no
// closures, no result object per call, nothing allocated per subscriber.
import {
  MessageType, Role, Topic, TopicFW, TopicIdentity, TopicIdentityFW,
  type TopicIdentityMessage, type TopicMessage,
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

/** Whether `peers` holds anyone but the sender. */
function anyoneBut(peers: ReadonlySet<Peer>, sender: Peer): boolean {
  return peers.size > 1 || (peers.size === 1 && !peers.has(sender));
}

/**
 * TOPIC: local clients get TOPIC_FW, servers TOPIC. A server's frame already
 * names the original sender and goes on unchanged; a message that came from
 * a server only goes on to servers through a HUB (`relayToServers`). Never
 * back to the sender. A message the clients here already got (a publisher's
 * resend, `toClients` false) still goes on to the servers.
 */
export function forwardTopic(
  sender: Peer, channel: ChannelKind, message: TopicMessage, received: Uint8Array,
  subscribers: TopicSubscribers<Peer>, relayToServers: boolean, toClients: boolean,
): FanoutResult {
  const fromServer = sender.isServer;
  const fromAlias = fromServer ? message.fromAlias : sender.alias;
  result.clients = 0;
  result.servers = 0;
  if (toClients && anyoneBut(subscribers.clients, sender)) {
    const frame = TopicFW.encode({ type: MessageType.TOPIC_FW, fromAlias, body: message.body, topic: message.topic });
    result.clients = writeAll(subscribers.clients, sender, channel, frame);
  }
  if ((!fromServer || relayToServers) && anyoneBut(subscribers.servers, sender)) {
    const frame = fromServer
      ? received
      : Topic.encode({ type: MessageType.TOPIC, fromAlias, topic: message.topic, body: message.body, ...sequenceOf(message) });
    result.servers = writeAll(subscribers.servers, sender, channel, frame);
  }
  return result;
}

/** TOPIC_IDENTITY: a client's identity and role are stamped from its AUTH, never taken from the message. */
export function forwardTopicIdentity(
  sender: Peer, channel: ChannelKind, message: TopicIdentityMessage, received: Uint8Array,
  subscribers: TopicSubscribers<Peer>, relayToServers: boolean, toClients: boolean,
): FanoutResult {
  const fromServer = sender.isServer;
  const fromAlias = fromServer ? message.fromAlias : sender.alias;
  const identity = fromServer ? message.identity : sender.identity;
  const role = fromServer ? message.role : Role.CLIENT;
  const { topic, body } = message;
  result.clients = 0;
  result.servers = 0;
  if (toClients && anyoneBut(subscribers.clients, sender)) {
    const frame = TopicIdentityFW.encode({ type: MessageType.TOPIC_IDENTITY_FW, fromAlias, identity, role, body, topic });
    result.clients = writeAll(subscribers.clients, sender, channel, frame);
  }
  if ((!fromServer || relayToServers) && anyoneBut(subscribers.servers, sender)) {
    const frame = fromServer
      ? received
      : TopicIdentity.encode({ type: MessageType.TOPIC_IDENTITY, fromAlias, topic, identity, role, body, ...sequenceOf(message) });
    result.servers = writeAll(subscribers.servers, sender, channel, frame);
  }
  return result;
}

/** A numbered message's publisher and sequence number, to go on to the servers; nothing for others. */
function sequenceOf(message: TopicMessage | TopicIdentityMessage): Partial<TopicMessage> | undefined {
  return message.seq > 0 ? { publisher: message.publisher, seq: message.seq } : undefined;
}
