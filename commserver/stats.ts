// The comm server's counters: plain numbers bumped on the data path, read by
// the metrics endpoint at scrape time (no metrics library on the hot path).
import { MessageType } from '../shared/codec.js';
import type { ChannelKind } from '../shared/rtc.js';
import type { PeerCloseReason } from './peer.js';

/** Counts indexed by message type number (unknown and future types share the last slot). */
const TYPE_SLOTS = 32;

function byType(): Record<ChannelKind, Float64Array> {
  return { reliable: new Float64Array(TYPE_SLOTS), unreliable: new Float64Array(TYPE_SLOTS) };
}

export class CommServerStats {
  /** Data channel messages received, by channel and message type. */
  readonly messagesIn = byType();
  readonly bytesIn: Record<ChannelKind, number> = { reliable: 0, unreliable: 0 };
  /** Frames sent, by channel and message type: forwarded copies (TOPIC_FW, TOPIC, ...) and presence's (MEMBER_DELTA, MEMBERS, PRESENCE). */
  readonly messagesOut = byType();
  /** Topic messages nobody subscribed to. */
  noSubscribers = 0;
  /** Frames that could not be decoded (the peer is closed). */
  undecodable = 0;
  /** Numbered reliable messages not delivered again: their publisher's resend, or the second path of a message. */
  duplicates = 0;
  /** Frames of a type a comm server does not handle from that peer (ignored). */
  ignored = 0;
  /** Unreliable frames that arrived before the peer was admitted (dropped; the original's clients send them). */
  beforeAuth = 0;
  /** CONNECTs refused with SERVER_FULL. */
  refusedFull = 0;
  /** What clients' topic permissions refused: TOPIC frames dropped, topics left out of a SUBSCRIPTION. */
  readonly denied = { publish: 0, subscribe: 0 };
  /** Unreliable frames dropped by the queues of peers that have left. */
  unreliableDropsOfClosedPeers = 0;
  /** Direct messages (the `direct` extension) queued to this server's clients. */
  directsDelivered = 0;
  /** Copies of direct messages sent to the servers holding their targets. */
  directsForwarded = 0;
  /** Direct messages answered NO_SUCH_PEER: no server held the target. */
  directsNoSuchPeer = 0;
  /** Direct messages answered TIMEOUT: a server they went to did not answer in time. */
  directsTimedOut = 0;
  /** Direct messages no server held the target of, with nobody to tell (unreliable ones): dropped. */
  directsDropped = 0;
  /** Peers closed, by reason. */
  readonly closed: Partial<Record<PeerCloseReason, number>> = {};

  received(channel: ChannelKind, type: MessageType, bytes: number): void {
    this.messagesIn[channel][type < TYPE_SLOTS ? type : TYPE_SLOTS - 1]++;
    this.bytesIn[channel] += bytes;
  }

  forwarded(channel: ChannelKind, clientType: MessageType, serverType: MessageType, clients: number, servers: number): void {
    const out = this.messagesOut[channel];
    out[clientType] += clients;
    out[serverType] += servers;
    if (clients + servers === 0) this.noSubscribers++;
  }

  /** `frames` frames of `type` sent on `channel` (presence: each copy to each peer counts). */
  sent(channel: ChannelKind, type: MessageType, frames: number): void {
    this.messagesOut[channel][type < TYPE_SLOTS ? type : TYPE_SLOTS - 1] += frames;
  }

  peerClosed(reason: PeerCloseReason): void {
    this.closed[reason] = (this.closed[reason] ?? 0) + 1;
  }
}
