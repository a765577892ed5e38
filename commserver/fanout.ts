// Forwarding one topic message: each frame kind is encoded once, and only if
// someone will receive it; every subscriber's writer gets the same bytes.
import {
  MessageType, Role, Topic, TopicFW, TopicIdentity, TopicIdentityFW,
  type TopicIdentityMessage, type TopicMessage,
} from '../shared/codec.js';
import type { ChannelKind, Peer } from './peer.js';
import type { TopicSubscribers } from './router.js';

export interface FanoutResult {
  clients: number;
  servers: number;
}

/** Builds the two outgoing frame kinds of one message, on demand. */
interface OutgoingFrames {
  forClients(): Uint8Array;
  forServers(): Uint8Array;
}

/**
 * Local clients get the client frame; servers get the server frame, but a
 * message that came from a server only goes on to servers through a HUB
 * (`relayToServers`). Never back to the sender.
 */
function fanOut(
  sender: Peer, channel: ChannelKind, subscribers: TopicSubscribers<Peer>, relayToServers: boolean, frames: OutgoingFrames,
): FanoutResult {
  let clientFrame: Uint8Array | undefined;
  let clients = 0;
  for (const client of subscribers.clients) {
    if (client === sender) continue;
    clientFrame ??= frames.forClients();
    client.writerFor(channel)?.write(clientFrame);
    clients++;
  }
  let servers = 0;
  if (!sender.isServer || relayToServers) {
    let serverFrame: Uint8Array | undefined;
    for (const server of subscribers.servers) {
      if (server === sender) continue;
      serverFrame ??= frames.forServers();
      server.writerFor(channel)?.write(serverFrame);
      servers++;
    }
  }
  return { clients, servers };
}

/** TOPIC: clients get TOPIC_FW, servers TOPIC. A server's frame already names the original sender and goes on unchanged. */
export function forwardTopic(
  sender: Peer, channel: ChannelKind, message: TopicMessage, received: Uint8Array,
  subscribers: TopicSubscribers<Peer>, relayToServers: boolean,
): FanoutResult {
  const fromAlias = sender.isServer ? message.fromAlias : sender.alias;
  const { topic, body } = message;
  return fanOut(sender, channel, subscribers, relayToServers, {
    forClients: () => TopicFW.encode({ type: MessageType.TOPIC_FW, fromAlias, body, topic }),
    forServers: () => (sender.isServer ? received : Topic.encode({ type: MessageType.TOPIC, fromAlias, topic, body })),
  });
}

/** TOPIC_IDENTITY: a client's identity and role are stamped from its AUTH, never taken from the message. */
export function forwardTopicIdentity(
  sender: Peer, channel: ChannelKind, message: TopicIdentityMessage, received: Uint8Array,
  subscribers: TopicSubscribers<Peer>, relayToServers: boolean,
): FanoutResult {
  const fromServer = sender.isServer;
  const fromAlias = fromServer ? message.fromAlias : sender.alias;
  const identity = fromServer ? message.identity : sender.identity;
  const role = fromServer ? message.role : Role.CLIENT;
  const { topic, body } = message;
  return fanOut(sender, channel, subscribers, relayToServers, {
    forClients: () => TopicIdentityFW.encode({ type: MessageType.TOPIC_IDENTITY_FW, fromAlias, identity, role, body, topic }),
    forServers: () => (fromServer
      ? received
      : TopicIdentity.encode({ type: MessageType.TOPIC_IDENTITY, fromAlias, topic, identity, role, body })),
  });
}
