// Counters of what the coordinator relayed, dropped and refused. Plain
// numbers that tests read and a metrics endpoint can export.

export type RelayedTypeName =
  'CONNECT' | 'WEBRTC_OFFER' | 'WEBRTC_ANSWER' | 'WEBRTC_ICE_CANDIDATE' | 'CONNECTION_REFUSED';

export interface CoordinatorStats {
  /** Signaling messages delivered, by message type. */
  relayed: Record<RelayedTypeName, number>;
  /** Messages whose to_alias names no live peer. */
  droppedUnknownAlias: number;
  /** Frames that are not a decodable protobuf message. */
  droppedUndecodable: number;
  /** Decodable messages of a type peers may not send to the coordinator (WELCOME, TOPIC, ...). */
  droppedUnsupportedType: number;
  /** Client signaling over --max-signaling-per-second. */
  droppedRateLimited: number;
  /** Frames over maxFrameBytes (the socket is closed with 1009). */
  droppedOversize: number;
  /** Text frames: the protocol is binary only. */
  droppedTextFrames: number;
  /** Upgrades refused with 400 (unknown path, bad role), 401 (authentication failed) and 503 (maxConnections reached). */
  refusedUpgrades: { badRequest: number; unauthorized: number; overloaded: number };
  /** Peers terminated by keepalive after idleTimeoutMs of silence. */
  idleTerminations: number;
  /** Clients refused at /connect for a banned identity. */
  refusedBanned: number;
  /** Accepted connections since the start, by kind. */
  connections: { clients: number; servers: number };
  /** Clients assigned to each comm server (by alias) since the start. */
  assignments: Map<number, number>;
}

export function createStats(): CoordinatorStats {
  return {
    relayed: { CONNECT: 0, WEBRTC_OFFER: 0, WEBRTC_ANSWER: 0, WEBRTC_ICE_CANDIDATE: 0, CONNECTION_REFUSED: 0 },
    droppedUnknownAlias: 0,
    droppedUndecodable: 0,
    droppedUnsupportedType: 0,
    droppedRateLimited: 0,
    droppedOversize: 0,
    droppedTextFrames: 0,
    refusedUpgrades: { badRequest: 0, unauthorized: 0, overloaded: 0 },
    idleTerminations: 0,
    refusedBanned: 0,
    connections: { clients: 0, servers: 0 },
    assignments: new Map(),
  };
}
