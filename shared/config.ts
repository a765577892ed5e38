// Every limit and timing of the broker, with its default, in one place.
// The CLI exposes each as a flag; docs/CONFIGURATION.md documents them.

export interface CoordinatorLimits {
  /** Largest WebSocket frame accepted; bigger frames close the socket (1009). The original used 5000. */
  maxFrameBytes: number;
  /** Interval between WebSocket pings. */
  pingIntervalMs: number;
  /** A peer silent (no pong, no message) this long is dropped. */
  idleTimeoutMs: number;
  /** Interval of the stats log line (servers, clients); 0 turns it off. */
  statsIntervalMs: number;
}

export const coordinatorLimitDefaults: CoordinatorLimits = {
  maxFrameBytes: 16 * 1024,
  pingIntervalMs: 30_000,
  idleTimeoutMs: 60_000,
  statsIntervalMs: 60_000,
};

export interface CommServerLimits {
  /** Peers (clients and servers) at once; CONNECT beyond it gets CONNECTION_REFUSED{SERVER_FULL}. */
  maxPeers: number;
  /** A peer whose channels are not open and authenticated within this time is closed. */
  connectTimeoutMs: number;
  /** Largest data channel message accepted; bigger ones close the peer. */
  maxMessageBytes: number;
  /** Remote ICE candidates held per peer before its description is set; extra ones are dropped. */
  maxPendingCandidates: number;
  /** Frames a peer may send while its AUTH is being verified; more close it. */
  maxFramesBeforeAuth: number;
  /** Largest SUBSCRIPTION topic list after decompression; bigger ones close the peer. */
  maxSubscriptionBytes: number;
  /** The same bound for another server's topic list (the union of its clients' topics). */
  maxServerSubscriptionBytes: number;
  /** Topics one client may subscribe to; more close the peer. */
  maxTopicsPerPeer: number;
  /** Longest topic name in bytes; longer ones close the peer. */
  maxTopicLength: number;
  /** Bytes queued for one peer's `reliable` channel; overflow closes that peer. */
  reliableQueueBytes: number;
  /** Bytes queued for one peer's `unreliable` channel; overflow drops the oldest messages. */
  unreliableQueueBytes: number;
  /** Bytes a channel may have in flight (its bufferedAmount) before we queue instead of sending. */
  sendWindowBytes: number;
  /** Reconnection to the coordinator: first delay and cap of the exponential backoff. */
  coordinatorRetryMinMs: number;
  coordinatorRetryMaxMs: number;
}

export const commServerLimitDefaults: CommServerLimits = {
  maxPeers: 2000,
  connectTimeoutMs: 20_000,
  maxMessageBytes: 64 * 1024,
  maxPendingCandidates: 64,
  maxFramesBeforeAuth: 64,
  maxSubscriptionBytes: 64 * 1024,
  maxServerSubscriptionBytes: 8 * 1024 * 1024,
  maxTopicsPerPeer: 1000,
  maxTopicLength: 256,
  reliableQueueBytes: 4 * 1024 * 1024,
  unreliableQueueBytes: 256 * 1024,
  sendWindowBytes: 256 * 1024,
  coordinatorRetryMinMs: 200,
  coordinatorRetryMaxMs: 5_000,
};
