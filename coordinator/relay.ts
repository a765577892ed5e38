// The signaling relay: a CONNECT, WEBRTC_* or CONNECTION_REFUSED goes to the
// peer named by to_alias, re-encoded with from_alias set to the sender's real
// alias so nobody can speak for another peer; a CONNECT also carries the
// role the sender registered with, so a comm server can refuse a client that
// claims to be a server. Each client's signaling is bounded by a token
// bucket: excess is dropped and counted. A frame for a peer attached to
// another coordinator of a cluster goes to `forward`, already stamped.
import type { Logger } from '../shared/log.js';
import { TokenBucket } from '../shared/rate-limit.js';
import { Connect, ConnectionRefused, MessageType, WebRtc, isServerRole, peekType } from '../shared/codec.js';
import type { RegisteredPeer, Registry } from './registry.js';
import type { CoordinatorStats, RelayedTypeName } from './stats.js';

interface AddressedCodec<T extends { fromAlias: number; toAlias: number }> {
  decode(frame: Uint8Array): T;
  encode(message: Partial<T>): Uint8Array;
}

interface Readdressed { toAlias: number; frame: Uint8Array }

/** Re-encodes a message as coming from `sender`; `stamp` adds what else the coordinator vouches for. */
function readdressWith<T extends { fromAlias: number; toAlias: number }>(codec: AddressedCodec<T>, stamp?: (message: T, sender: RegisteredPeer) => void) {
  return (frame: Uint8Array, sender: RegisteredPeer): Readdressed => {
    const message = codec.decode(frame);
    message.fromAlias = sender.alias;
    stamp?.(message, sender);
    return { toAlias: message.toAlias, frame: codec.encode(message) };
  };
}

const relayedTypes = new Map<MessageType, { name: RelayedTypeName; readdress: ReturnType<typeof readdressWith> }>([
  [MessageType.CONNECT, { name: 'CONNECT', readdress: readdressWith(Connect, (message, sender) => (message.fromRole = sender.role)) }],
  [MessageType.WEBRTC_OFFER, { name: 'WEBRTC_OFFER', readdress: readdressWith(WebRtc) }],
  [MessageType.WEBRTC_ANSWER, { name: 'WEBRTC_ANSWER', readdress: readdressWith(WebRtc) }],
  [MessageType.WEBRTC_ICE_CANDIDATE, { name: 'WEBRTC_ICE_CANDIDATE', readdress: readdressWith(WebRtc) }],
  [MessageType.CONNECTION_REFUSED, { name: 'CONNECTION_REFUSED', readdress: readdressWith(ConnectionRefused) }],
]);

/** The name of a frame's type if the relay carries that type, else undefined (also for an undecodable frame). */
export function relayedTypeOf(frame: Uint8Array): RelayedTypeName | undefined {
  try {
    return relayedTypes.get(peekType(frame))?.name;
  } catch {
    return undefined;
  }
}

/** Sends a stamped frame to a peer attached to another coordinator; false when it cannot. */
export type ForwardSignal = (toAlias: number, frame: Uint8Array) => boolean;

/** Signaling a client may send: `perSecond` (0: no limit) after a `burst`. */
export interface SignalingRate { perSecond: number; burst: number }

export class SignalingRelay {
  readonly #registry: Registry;
  readonly #stats: CoordinatorStats;
  readonly #logger: Logger;
  readonly #rate: SignalingRate;
  readonly #buckets = new WeakMap<RegisteredPeer, TokenBucket>();
  readonly #forward: ForwardSignal | undefined;

  constructor(registry: Registry, stats: CoordinatorStats, logger: Logger, rate: SignalingRate = { perSecond: 0, burst: 0 }, forward?: ForwardSignal) {
    this.#registry = registry;
    this.#stats = stats;
    this.#logger = logger;
    this.#rate = rate;
    this.#forward = forward;
  }

  /** Relays one binary frame from `sender`; anything that cannot be relayed is dropped and counted. */
  relay(sender: RegisteredPeer, frame: Uint8Array): void {
    if (!this.#withinRate(sender)) return;
    const message = this.#readdress(sender, frame);
    if (message === undefined) return;
    const recipient = this.#registry.get(message.toAlias);
    if (recipient === undefined && this.#forward?.(message.toAlias, message.frame)) {
      this.#stats.relayed[message.name]++;
      return;
    }
    if (recipient === undefined || recipient.socket.readyState !== recipient.socket.OPEN) {
      this.#stats.droppedUnknownAlias++;
      this.#logger.debug({ from: sender.alias, to: message.toAlias, type: message.name }, 'dropped a message to an unknown alias');
      return;
    }
    recipient.socket.send(message.frame);
    this.#stats.relayed[message.name]++;
  }

  /** Servers relay for all their clients and are exempt; a client over its rate loses the frame. */
  #withinRate(sender: RegisteredPeer): boolean {
    if (this.#rate.perSecond <= 0 || isServerRole(sender.role)) return true;
    let bucket = this.#buckets.get(sender);
    if (bucket === undefined) {
      bucket = new TokenBucket(this.#rate.perSecond, this.#rate.burst);
      this.#buckets.set(sender, bucket);
    }
    if (bucket.take()) return true;
    if (this.#stats.droppedRateLimited++ % 100 === 0) {
      this.#logger.info({ from: sender.alias, dropped: this.#stats.droppedRateLimited }, 'dropped signaling over the rate limit');
    }
    return false;
  }

  #readdress(sender: RegisteredPeer, frame: Uint8Array): (Readdressed & { name: RelayedTypeName }) | undefined {
    try {
      const type = peekType(frame);
      const relayedType = relayedTypes.get(type);
      if (relayedType === undefined) {
        this.#stats.droppedUnsupportedType++;
        this.#logger.debug({ from: sender.alias, type }, 'dropped a message type the coordinator does not relay');
        return undefined;
      }
      return { name: relayedType.name, ...relayedType.readdress(frame, sender) };
    } catch (error) {
      this.#stats.droppedUndecodable++;
      this.#logger.debug({ from: sender.alias, err: error }, 'dropped an undecodable frame');
      return undefined;
    }
  }
}
