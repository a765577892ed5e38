// The per-peer view served as JSON on /stats.
import { Role } from '../shared/codec.js';
import type { DataChannelLike } from '../shared/rtc.js';
import type { Peer } from './peer.js';

export interface PeerReport {
  alias: number;
  role: string;
  direction: 'incoming' | 'outgoing';
  transport: 'webrtc' | 'websocket' | 'nats';
  authenticated: boolean;
  identity: string;
  serverId?: string;
  topics: string[];
  connectionState: string;
  /** Local and remote candidate types of the selected ICE pair, e.g. host/prflx. */
  candidatePair?: { local?: string; remote?: string };
  channels: Array<{
    label: string; state: string; bufferedAmount: number; queuedBytes: number;
    messagesSent?: number; bytesSent?: number; messagesReceived?: number; bytesReceived?: number;
  }>;
}

/** werift keeps these on the channel; other implementations may not. */
interface ChannelCounters { messagesSent?: number; bytesSent?: number; messagesReceived?: number; bytesReceived?: number }

interface WeriftIceView {
  iceTransports?: Array<{ connection?: { nominated?: { protocol?: { localCandidate?: { type?: string } }; remoteCandidate?: { type?: string } } } }>;
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

export function peerReport(peer: Peer, topics: ReadonlySet<string>): PeerReport {
  const nominated = (peer.connection as unknown as WeriftIceView).iceTransports?.[0]?.connection?.nominated;
  return {
    alias: peer.alias,
    role: Role[peer.role] ?? 'UNKNOWN_ROLE',
    direction: peer.direction,
    transport: peer.transport,
    authenticated: peer.authenticated,
    identity: utf8.decode(peer.identity),
    ...(peer.serverId ? { serverId: peer.serverId } : {}),
    topics: [...topics].sort(),
    connectionState: peer.connection.connectionState,
    ...(nominated ? { candidatePair: { local: nominated.protocol?.localCandidate?.type, remote: nominated.remoteCandidate?.type } } : {}),
    channels: peer.channels.map((channel: DataChannelLike) => {
      const counters = channel as unknown as ChannelCounters;
      return {
        label: channel.label,
        state: channel.readyState,
        bufferedAmount: channel.bufferedAmount,
        queuedBytes: peer.queuedBytes(channel.label === 'reliable' ? 'reliable' : 'unreliable'),
        messagesSent: counters.messagesSent,
        bytesSent: counters.bytesSent,
        messagesReceived: counters.messagesReceived,
        bytesReceived: counters.bytesReceived,
      };
    }),
  };
}
