// Every limit and timing of the broker, with its default and meaning, in one
// place. The CLI turns each into a flag (and --help text); docs/CONFIGURATION.md
// lists them.

export interface LimitSpec {
  default: number;
  description: string;
}

type LimitsOf<Spec> = { [K in keyof Spec]: number };

function defaultsOf<Spec extends Record<string, LimitSpec>>(spec: Spec): LimitsOf<Spec> {
  return Object.fromEntries(Object.entries(spec).map(([key, { default: value }]) => [key, value])) as LimitsOf<Spec>;
}

/** How a coordinator (--nats) and a comm server (--backbone nats) connect to NATS. */
const natsConnectionLimitSpec = {
  natsConnectTimeoutMs: {
    default: 5_000,
    description: 'With --nats: how long the first connection to NATS may take; then the process exits (code 5).',
  },
  natsReconnectMinMs: { default: 250, description: 'With --nats: first delay of the reconnection backoff to NATS.' },
  natsReconnectMaxMs: { default: 5_000, description: 'With --nats: cap of the reconnection backoff to NATS.' },
} satisfies Record<string, LimitSpec>;

export const coordinatorLimitSpec = {
  maxFrameBytes: {
    default: 16 * 1024,
    description: 'Largest WebSocket frame accepted; a bigger one closes that socket (1009). The original used 5000.',
  },
  wsCloseTimeoutMs: {
    default: 5_000,
    description: 'A WebSocket peer this server closes has this long to answer the close frame; then its socket is dropped.',
  },
  pingIntervalMs: { default: 30_000, description: 'Interval between WebSocket pings to each peer.' },
  idleTimeoutMs: { default: 60_000, description: 'A peer silent this long (no pong, no message) is dropped.' },
  statsIntervalMs: { default: 60_000, description: 'Interval of the stats log line (servers, clients); 0 turns it off.' },
  maxConnections: {
    default: 10_000,
    description: 'WebSocket connections (clients and servers) at once; upgrades beyond it get HTTP 503.',
  },
  maxSignalingPerSecond: {
    default: 50,
    description: "Signaling messages a client may send per second (token bucket, with --signaling-burst); excess is dropped and counted. Servers are exempt; 0 turns it off.",
  },
  signalingBurst: { default: 200, description: 'Signaling messages a client may send at once before --max-signaling-per-second applies.' },
  clientTokenTtlMs: { default: 60_000, description: 'Validity of the client token in WELCOME (with --client-token-secret).' },
  authClockSkewMs: { default: 30_000, description: 'Clock difference tolerated when checking the expiry of a credential.' },
  maxBans: {
    default: 10_000,
    description: 'Identities banned at once (POST /v1/kick with banSeconds); a ban beyond them is refused (HTTP 503) until one expires.',
  },
  maxBanSeconds: { default: 86_400, description: 'Longest ban the admin API accepts, in seconds.' },
  kickTimeoutMs: {
    default: 5_000,
    description: 'How long a kick waits for the comm servers to say what they closed before answering without them.',
  },
  maxAdminBodyBytes: { default: 4_096, description: 'Largest request body of the admin API; a bigger one gets HTTP 413.' },
  ...natsConnectionLimitSpec,
  natsRegistryTtlMs: {
    default: 15_000,
    description: "With --nats: a comm server's entry in the shared registry expires this long after its coordinator last refreshed it (every third of it): the servers of a coordinator that died are no longer given to clients after that.",
  },
  maxClusterServers: {
    default: 1_000,
    description: 'With --nats: comm servers of the whole cluster a coordinator keeps in its view of the registry; more are ignored (logged).',
  },
} satisfies Record<string, LimitSpec>;

export type CoordinatorLimits = LimitsOf<typeof coordinatorLimitSpec>;
export const coordinatorLimitDefaults: CoordinatorLimits = defaultsOf(coordinatorLimitSpec);

export const commServerLimitSpec = {
  maxPeers: {
    default: 2000,
    description: 'Peers (clients and servers) at once; CONNECT beyond it gets CONNECTION_REFUSED{SERVER_FULL}.',
  },
  connectTimeoutMs: {
    default: 20_000,
    description: 'A peer whose channels are not open and authenticated within this time is closed; a WebSocket fallback upgrade request not complete by then is dropped.',
  },
  wsCloseTimeoutMs: {
    default: 5_000,
    description: 'A WebSocket fallback client this server closes has this long to answer the close frame; then its socket is dropped.',
  },
  // A storm of 200 CONNECTs at once (docs/performance.md, storm): with no
  // limit every set-up advanced in turn and all finished together at the end
  // (set-up p50 2.2-2.4 s with werift clients, 2.8-3.0 s with libwebrtc ones
  // on a 2-core host); with 50 the first ones finish while the rest wait
  // (p50 1.5-1.8 s and 1.2-2.0 s). 25 left the pipeline short (a werift
  // client's set-up takes ~0.4 s even on an idle host).
  maxPendingSetups: {
    default: 50,
    description: 'Peer connections set up at once (CONNECT received, not yet authenticated); later CONNECTs wait in order. 0: no limit.',
  },
  setupSlotMs: {
    default: 2_000,
    description: 'Longest time one set-up counts against --max-pending-setups (a client that left after CONNECT, a slow one).',
  },
  maxMessageBytes: {
    default: 64 * 1024,
    description: "Largest data channel message from a client; a bigger one closes it, as does any message over the server's a=max-message-size (65536), whatever its size.",
  },
  maxPendingCandidates: {
    default: 64,
    description: 'Remote ICE candidates held per peer before its description is set; extra ones are dropped.',
  },
  maxFramesBeforeAuth: { default: 64, description: 'Frames a peer may send while its AUTH is being verified; more close it.' },
  maxSubscriptionBytes: {
    default: 64 * 1024,
    description: "Largest client SUBSCRIPTION topic list once decompressed (gzip bombs stop here); more close the peer.",
  },
  maxServerSubscriptionBytes: {
    default: 8 * 1024 * 1024,
    description: "The same bound for another server's topic list (the union of its clients' topics).",
  },
  maxTopicsPerPeer: { default: 1000, description: 'Topics one client may subscribe to; more close the peer.' },
  maxTopicsPerServer: {
    default: 200_000,
    description: "Topics another server may ask this one for (the union of its clients' topics); more close that link.",
  },
  maxTopicLength: { default: 256, description: 'Longest topic name in bytes; a longer one closes the peer.' },
  reliableQueueBytes: {
    default: 4 * 1024 * 1024,
    description: "Bytes queued for one peer's reliable channel; overflow disconnects that slow peer.",
  },
  unreliableQueueBytes: {
    default: 256 * 1024,
    description: "Bytes queued for one peer's unreliable channel; overflow drops the oldest messages.",
  },
  sendWindowBytes: {
    default: 256 * 1024,
    description: 'Bytes a channel may have in flight (bufferedAmount) before messages wait in the queue.',
  },
  // Per datagram costs (a UDP send, a DTLS record, an SCTP packet and the
  // SACK coming back) dominate a loaded comm server: at dense 100 (each
  // client receiving ~1,000 messages/s) it used 0.80 cores with 5 ms, 0.61
  // with 10 ms and 0.55 with 20 ms, and p99 latency fell (fewer datagrams for
  // the clients too).
  batchDelayMs: {
    default: 20,
    description: "Least interval between two BATCH messages to one peer (peers that announced the batch extension). A peer that got nothing for this long gets its next messages at once; a busy one gets them coalesced, each waiting at most this long. 0 sends at the end of every event-loop job.",
  },
  ...natsConnectionLimitSpec,
  backboneTopicCounters: {
    default: 100_000,
    description: "With --backbone nats: topics this server numbers its messages on at once, for receivers to count loss; past it the least recently used topic's count starts again.",
  },
  maxRelinkAttempts: {
    default: 5,
    description: 'Times a link this server made to another server is made again after it failed (backoff as for the coordinator: --coordinator-retry-min-ms doubling to --coordinator-retry-max-ms); 0: links are made only at registration.',
  },
  serverPingIntervalMs: {
    default: 1_000,
    description: 'Interval of the PING a server sends on each link to another server (link liveness).',
  },
  serverTimeoutMs: {
    default: 5_000,
    description: 'A server link that carried nothing for this long is closed and its interest dropped.',
  },
  drainTimeoutMs: {
    default: 10_000,
    description: 'On SIGTERM, how long clients get to move to another server before the rest are closed.',
  },
  coordinatorRetryMinMs: { default: 200, description: 'First delay of the reconnection backoff to the coordinator.' },
  coordinatorRetryMaxMs: { default: 5_000, description: 'Cap of the reconnection backoff to the coordinator.' },
  coordinatorConnectTimeoutMs: {
    default: 5_000,
    description: 'An attempt to reach the coordinator that has not completed its WebSocket upgrade by then fails (a warning) and is retried after the backoff.',
  },
  maxMessagesPerSecond: {
    default: 1000,
    description: "Messages a client may send per second (token bucket, with --message-burst), announced to clients that understand the ack extension (ours pace themselves to it). Excess on `unreliable` is dropped and counted; on `reliable` it closes the client (RATE_LIMITED). Servers are exempt; 0 turns it off.",
  },
  messageBurst: { default: 2000, description: 'Messages a client may send at once before --max-messages-per-second applies.' },
  maxPublisherWindows: {
    default: 100_000,
    description: "Publishers whose numbered reliable messages (the ack extension) this server remembers to drop duplicates; beyond, the least recently heard from are forgotten.",
  },
  publisherWindowIdleMs: {
    default: 10 * 60_000,
    description: 'A publisher not heard from for this long is forgotten by duplicate detection.',
  },
  historyBytesPerTopic: {
    default: 64 * 1024,
    description: 'Bytes of recent numbered reliable messages kept per topic, from which a re-homed subscriber recovers what it missed (the recover extension).',
  },
  historyMaxAgeMs: { default: 60_000, description: 'Messages older than this leave the topic history.' },
  historyBytes: { default: 16 * 1024 * 1024, description: 'Bytes of topic history over all topics; the least recently written topics give way first.' },
  historyTopics: { default: 10_000, description: 'Topics with a history (or a record of what left it); the least recently written are forgotten.' },
  recoveryTimeoutMs: { default: 2_000, description: "How long a recovery waits for the other servers' history before answering the client with what it has." },
  maxPendingRecoveries: { default: 1_000, description: "Recoveries waiting for other servers at once; beyond, a client's recovery is answered from this server's history alone." },
  presenceIntervalMs: {
    default: 100,
    description: 'Interval over which member changes (the presence extension) are coalesced: one MEMBER_DELTA per server link and one MEMBERS per watching client at most per interval.',
  },
  presenceGraceMs: {
    default: 3_000,
    description: "How long a client whose connection closed stays a member of its topics: back within it (re-homed, same client id), the others see no leave and join. Members of a server link that timed out get what is left of it after --server-timeout-ms.",
  },
  maxPresenceMembers: {
    default: 10_000,
    description: 'Members listed in one reply to a presence request; beyond, the reply says truncated.',
  },
  maxRemoteMembers: {
    default: 1_000_000,
    description: 'Memberships (a client in a topic) one linked server may report (the presence extension); more close that link.',
  },
  directoryIntervalMs: {
    default: 100,
    description: 'Interval over which directory changes (the direct extension: clients that arrived and left) are coalesced: one DIRECTORY per server link at most per interval.',
  },
  directTimeoutMs: {
    default: 2_000,
    description: "How long a reliable direct message to a client of another server waits for that server's answer; then the sender is answered TIMEOUT (it may have arrived).",
  },
  maxPendingDirects: {
    default: 10_000,
    description: "Reliable direct messages waiting for another server's answer at once; beyond, the oldest is answered TIMEOUT.",
  },
  maxRemoteDirectoryEntries: {
    default: 100_000,
    description: 'Clients one linked server may announce in its directory (the direct extension); more close that link.',
  },
  maxBans: {
    default: 10_000,
    description: "Identities banned at once, as the coordinator's KICKs say (keep it at the coordinator's --max-bans); a ban beyond them is not applied here (logged).",
  },
  credentialTtlMs: { default: 60_000, description: "Validity of this server's cluster credentials (with --cluster-secret), made anew for each use." },
  authClockSkewMs: { default: 30_000, description: 'Clock difference tolerated when checking the expiry of a credential or token.' },
} satisfies Record<string, LimitSpec>;

export type CommServerLimits = LimitsOf<typeof commServerLimitSpec>;
export const commServerLimitDefaults: CommServerLimits = defaultsOf(commServerLimitSpec);
