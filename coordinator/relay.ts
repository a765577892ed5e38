// The signaling relay: a CONNECT, WEBRTC_* or CONNECTION_REFUSED goes to the
// peer named by to_alias, re-encoded with from_alias set to the sender's real
// alias so nobody can speak for another peer.
import type { Logger } from '../shared/log.js';
import { Connect, ConnectionRefused, MessageType, WebRtc, peekType } from '../shared/codec.js';
import type { Peer, Registry } from './registry.js';
import type { CoordinatorStats, RelayedTypeName } from './stats.js';

interface AddressedCodec<T extends { fromAlias: number; toAlias: number }> {
  decode(frame: Uint8Array): T;
  encode(message: Partial<T>): Uint8Array;
}

interface Readdressed { toAlias: number; frame: Uint8Array }

function readdressWith<T extends { fromAlias: number; toAlias: number }>(codec: AddressedCodec<T>) {
  return (frame: Uint8Array, fromAlias: number): Readdressed => {
    const message = codec.decode(frame);
    message.fromAlias = fromAlias;
    return { toAlias: message.toAlias, frame: codec.encode(message) };
  };
}

const relayedTypes = new Map<MessageType, { name: RelayedTypeName; readdress: ReturnType<typeof readdressWith> }>([
  [MessageType.CONNECT, { name: 'CONNECT', readdress: readdressWith(Connect) }],
  [MessageType.WEBRTC_OFFER, { name: 'WEBRTC_OFFER', readdress: readdressWith(WebRtc) }],
  [MessageType.WEBRTC_ANSWER, { name: 'WEBRTC_ANSWER', readdress: readdressWith(WebRtc) }],
  [MessageType.WEBRTC_ICE_CANDIDATE, { name: 'WEBRTC_ICE_CANDIDATE', readdress: readdressWith(WebRtc) }],
  [MessageType.CONNECTION_REFUSED, { name: 'CONNECTION_REFUSED', readdress: readdressWith(ConnectionRefused) }],
]);

export class SignalingRelay {
  readonly #registry: Registry;
  readonly #stats: CoordinatorStats;
  readonly #logger: Logger;

  constructor(registry: Registry, stats: CoordinatorStats, logger: Logger) {
    this.#registry = registry;
    this.#stats = stats;
    this.#logger = logger;
  }

  /** Relays one binary frame from `sender`; anything that cannot be relayed is dropped and counted. */
  relay(sender: Peer, frame: Uint8Array): void {
    const message = this.#readdress(sender, frame);
    if (message === undefined) return;
    const recipient = this.#registry.get(message.toAlias);
    if (recipient === undefined || recipient.socket.readyState !== recipient.socket.OPEN) {
      this.#stats.droppedUnknownAlias++;
      this.#logger.debug({ from: sender.alias, to: message.toAlias, type: message.name }, 'dropped a message to an unknown alias');
      return;
    }
    recipient.socket.send(message.frame);
    this.#stats.relayed[message.name]++;
  }

  #readdress(sender: Peer, frame: Uint8Array): (Readdressed & { name: RelayedTypeName }) | undefined {
    try {
      const type = peekType(frame);
      const relayedType = relayedTypes.get(type);
      if (relayedType === undefined) {
        this.#stats.droppedUnsupportedType++;
        this.#logger.debug({ from: sender.alias, type }, 'dropped a message type the coordinator does not relay');
        return undefined;
      }
      return { name: relayedType.name, ...relayedType.readdress(frame, sender.alias) };
    } catch (error) {
      this.#stats.droppedUndecodable++;
      this.#logger.debug({ from: sender.alias, err: error }, 'dropped an undecodable frame');
      return undefined;
    }
  }
}
