import { BrokerError } from '../shared/errors.js';

export type BrokerClientErrorCode =
  /** The coordinator could not be reached or closed the socket during the handshake. */
  | 'COORDINATOR_UNREACHABLE'
  /** The coordinator refused the upgrade (HTTP 401: bad credentials). */
  | 'COORDINATOR_REFUSED'
  /** The coordinator has no comm server to offer. */
  | 'NO_SERVER'
  /** The comm server answered CONNECT with CONNECTION_REFUSED{SERVER_FULL}. */
  | 'SERVER_FULL'
  /** The comm server refused our AUTH (CONNECTION_REFUSED{AUTH_FAILED} or closed the connection after it). */
  | 'AUTH_FAILED'
  /** The comm server refused for another reason. */
  | 'CONNECTION_REFUSED'
  /** Set-up did not complete within `connectTimeoutMs`, or a ping got no answer. */
  | 'TIMEOUT'
  /** WebRTC negotiation failed (bad SDP, ICE failure). */
  | 'NEGOTIATION_FAILED'
  /** The client is closed or its connection was lost. */
  | 'CLOSED'
  /** The reliable send queue is full: the app publishes faster than the server acknowledges. Wait for `drain`. */
  | 'BACKPRESSURE'
  /** The comm server closed the connection because the client sent over its message rate. */
  | 'RATE_LIMITED'
  /** The comm server closed the connection because the client did not read fast enough. */
  | 'SLOW_CONSUMER'
  /** The comm server closed the connection because of a frame it could not accept. */
  | 'PROTOCOL_ERROR'
  /** `presence(topic)` for a topic the client is not subscribed to. */
  | 'NOT_SUBSCRIBED'
  /** The comm server does not offer what was asked (a server without the extension, such as the Go original). */
  | 'UNSUPPORTED'
  /** `sendTo` a client (alias or identity) that no comm server holds: not connected anywhere, or not taking direct messages. */
  | 'NO_SUCH_PEER'
  /** The client was kicked (the coordinator's admin API): it does not reconnect by itself. */
  | 'KICKED'
  /** The client's identity is banned, for a while (the coordinator or the comm server refused it). */
  | 'BANNED';

export class BrokerClientError extends BrokerError<BrokerClientErrorCode> {}
