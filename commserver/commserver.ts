// A comm server: registers with the coordinator, links to the other servers,
// accepts clients, and routes topic messages between them. This is the
// entity that owns the peers and the modules doing each job (signaling with
// the coordinator, admission, dispatch of admitted peers' frames, the links
// to other servers, kicks and bans, the WebSocket fallback endpoint); it
// creates and closes peers, and it starts, drains and closes the whole
// (docs/ARCHITECTURE.md).
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import {
  ConnectionRefusedReason, DIRECT_EXTENSION, DRAIN_EXTENSION, MODERATION_EXTENSION, MessageHeader, MessageType, PRESENCE_EXTENSION, Role, isServerRole,
} from '../shared/codec.js';
import { allowAllPeers, noServerCredentials, openAccessWarning, type PeerAuthenticator, type ServerCredentials } from '../shared/auth.js';
import { commServerLimitDefaults, coordinatorLimitDefaults, type CommServerLimits } from '../shared/config.js';
import type { Readiness } from '../shared/http-endpoint.js';
import type { Logger } from '../shared/log.js';
import { silentLogger } from '../shared/log.js';
import type { ChannelKind, IceServer, PeerConnectionLike, RtcFactory } from '../shared/rtc.js';
import { weriftFactory } from '../shared/rtc-werift.js';
import { WebSocketEndpoint } from './websocket-endpoint.js';
import { Admission } from './admission.js';
import { announcement, ourAuth } from './auth-frames.js';
import { Peer, type AdmissionVerdict, type PeerCloseReason } from './peer.js';
import { ServerLinks } from './server-links.js';
import { Dispatcher } from './dispatch.js';
import { Acknowledgements } from './acknowledgements.js';
import { Recovery } from './recovery.js';
import { Presence } from './presence.js';
import { Directory } from './directory.js';
import { DirectMessages } from './direct.js';
import { Moderation } from './moderation.js';
import { TopicHistory } from './topic-history.js';
import { Signaling } from './signaling.js';
import { peerReport, type PeerReport } from './peer-report.js';
import { CommServerStats } from './stats.js';
import { Relinks } from './relinks.js';
import { NatsBackbone, type BackboneDelivery, type BackboneOptions, type BackboneStats } from './backbone.js';

export interface CommServerOptions {
  /**
   * Base URL of the coordinator, e.g. ws://127.0.0.1:9090; several (the
   * coordinators of one cluster): the server moves to the next when its
   * coordinator goes away.
   */
  coordinatorUrl: string | readonly string[];
  /** A HUB relays topic messages between the servers linked to it (star topology). */
  hub?: boolean;
  /** Stable identity of this server across coordinator restarts; random by default. */
  serverId?: string;
  rtc?: RtcFactory;
  iceServers?: IceServer[];
  portRange?: [number, number];
  /**
   * The WebSocket endpoint for clients that cannot use WebRTC, advertised to
   * the coordinator; off when absent. `publicUrl` is what clients are told
   * (default: ws://host:port as bound).
   */
  webSocket?: { host: string; port: number; publicUrl?: string };
  peerAuthenticator?: PeerAuthenticator;
  credentials?: ServerCredentials;
  /**
   * Exchange topic messages with the other comm servers over NATS instead of
   * WebRTC links (backbone.ts); every comm server of the cluster must be on
   * it, and none a HUB.
   */
  backbone?: Omit<BackboneOptions, 'maxTopicCounters'>;
  limits?: Partial<CommServerLimits>;
  logger?: Logger;
}

interface CommServerEvents {
  /** WELCOME received: this server's alias for the current coordinator session. */
  registered: [alias: number];
  peerAuthenticated: [Peer];
  peerClosed: [Peer, PeerCloseReason];
  /** A client's frame over --max-messages-per-second: dropped (unreliable) or the client closed as RATE_LIMITED (reliable). */
  rateLimited: [Peer, ChannelKind];
  /** Another server's SUBSCRIPTION was applied. */
  serverInterest: [Peer, ReadonlySet<string>];
}

export class CommServer extends EventEmitter<CommServerEvents> {
  readonly serverId: string;
  readonly limits: CommServerLimits;
  readonly peers = new Map<number, Peer>();
  readonly stats = new CommServerStats();

  #options: CommServerOptions;
  #logger: Logger;
  #rtc: RtcFactory;
  #signaling: Signaling;
  #credentials: ServerCredentials;
  #dispatcher: Dispatcher;
  #admission: Admission;
  #serverLinks: ServerLinks;
  #acknowledgements: Acknowledgements;
  #recovery: Recovery;
  #presence: Presence;
  #directory: Directory;
  #direct: DirectMessages;
  #moderation: Moderation;
  readonly #relinks: Relinks;
  readonly #backbone: NatsBackbone | undefined;
  /** On the backbone: each linked server's link, by its server id, for the topic messages it publishes on NATS. */
  readonly #linksByServerId = new Map<string, Peer>();
  #closing = false;
  #draining = false;
  #started: Promise<void> = Promise.resolve();
  #listeningAsked = false;
  #webSockets: WebSocketEndpoint | undefined;
  #webSocketUrl: string | undefined;
  /** The AUTH we answer peers that understand extensions with, the same for all. */
  readonly #announcement: Uint8Array;

  constructor(options: CommServerOptions) {
    super();
    this.#options = options;
    this.serverId = options.serverId ?? randomUUID();
    this.limits = { ...commServerLimitDefaults, ...options.limits };
    this.#announcement = announcement({ maxMessagesPerSecond: this.limits.maxMessagesPerSecond, messageBurst: this.limits.messageBurst });
    this.#logger = (options.logger ?? silentLogger()).child({ serverId: this.serverId });
    this.#rtc = options.rtc ?? weriftFactory;
    this.#credentials = options.credentials ?? noServerCredentials;
    if (options.backbone && options.hub) throw new Error('a comm server on the NATS backbone cannot be a HUB: NATS relays between the servers');
    this.#backbone = options.backbone && new NatsBackbone(
      this.serverId, { ...options.backbone, maxTopicCounters: this.limits.backboneTopicCounters }, this.#logger,
      (from, channel, frame) => this.#fromBackbone(from, channel, frame),
    );
    this.#moderation = new Moderation({
      maxBans: this.limits.maxBans,
      peers: () => this.peers.values(),
      kick: (peer) => this.#reject(peer, 'kicked', 'kicked by the coordinator'),
      logger: this.#logger,
    });
    this.#admission = new Admission({
      authenticator: options.peerAuthenticator ?? allowAllPeers,
      maxFramesBeforeAuth: this.limits.maxFramesBeforeAuth,
      hasLinkTo: (serverId) => this.#hasLinkTo(serverId),
      isBanned: (identity) => this.#moderation.isBanned(identity),
      logger: this.#logger,
      onDroppedBeforeAuth: () => this.stats.beforeAuth++,
      onAdmitted: (peer, verdict, waiting) => this.#admit(peer, verdict, waiting),
      onRejected: (peer, reason, detail, announced) => this.#reject(peer, reason, detail, announced),
    });
    this.#serverLinks = new ServerLinks({
      hub: options.hub === true,
      pingIntervalMs: this.limits.serverPingIntervalMs,
      timeoutMs: this.limits.serverTimeoutMs,
      linkedServers: () => this.linkedServers(),
      backbone: this.#backbone,
    });
    this.#acknowledgements = new Acknowledgements({
      windowMs: Math.max(1, this.limits.batchDelayMs),
      linkedServers: () => this.linkedServers(),
      backboneFlushed: this.#backbone && (() => this.#backbone!.flushed()),
    });
    const history = new TopicHistory({
      maxBytesPerTopic: this.limits.historyBytesPerTopic,
      maxAgeMs: this.limits.historyMaxAgeMs,
      maxBytes: this.limits.historyBytes,
      maxTopics: this.limits.historyTopics,
    });
    this.#recovery = new Recovery({
      history,
      answeringServers: () => this.linkedServers().filter((server) => !this.#serverLinks.isSilent(server)),
      flushInterest: () => this.#serverLinks.flushInterest(),
      timeoutMs: this.limits.recoveryTimeoutMs,
      maxPending: this.limits.maxPendingRecoveries,
    });
    this.#presence = new Presence({
      intervalMs: this.limits.presenceIntervalMs,
      graceMs: this.limits.presenceGraceMs,
      serverTimeoutMs: this.limits.serverTimeoutMs,
      maxPresenceMembers: this.limits.maxPresenceMembers,
      maxRemoteMembers: this.limits.maxRemoteMembers,
      serverAlias: () => this.alias ?? 0,
      presenceLinks: () => this.linkedServers().filter((server) => server.extensions.has(PRESENCE_EXTENSION)),
      reject: (peer, reason, detail) => this.#reject(peer, reason, detail),
      stats: this.stats,
    });
    this.#directory = new Directory({
      intervalMs: this.limits.directoryIntervalMs,
      maxRemoteEntries: this.limits.maxRemoteDirectoryEntries,
      directLinks: () => this.linkedServers().filter((server) => server.extensions.has(DIRECT_EXTENSION)),
      reject: (peer, reason, detail) => this.#reject(peer, reason, detail),
    });
    this.#direct = new DirectMessages({
      directory: this.#directory,
      timeoutMs: this.limits.directTimeoutMs,
      maxPending: this.limits.maxPendingDirects,
      stats: this.stats,
      isSilent: (link) => this.#serverLinks.isSilent(link),
    });
    this.#dispatcher = new Dispatcher({
      limits: this.limits,
      hub: options.hub === true,
      stats: this.stats,
      serverLinks: this.#serverLinks,
      acknowledgements: this.#acknowledgements,
      history,
      recovery: this.#recovery,
      presence: this.#presence,
      directory: this.#directory,
      direct: this.#direct,
      backbone: this.#backbone,
      reject: (peer, reason, detail) => this.#reject(peer, reason, detail),
      onRateLimited: (peer, channel) => this.emit('rateLimited', peer, channel),
      onServerInterest: (peer, topics) => this.emit('serverInterest', peer, topics),
    });
    this.#relinks = new Relinks({
      attempts: this.limits.maxRelinkAttempts,
      minDelayMs: this.limits.coordinatorRetryMinMs,
      maxDelayMs: this.limits.coordinatorRetryMaxMs,
      link: (serverAlias, serverId) => {
        if (this.#closing || this.#draining || this.peers.has(serverAlias) || (serverId !== undefined && this.#hasLinkTo(serverId))) return;
        this.#signaling.linkTo(serverAlias, serverId);
      },
    });
    this.#signaling = new Signaling({
      link: {
        coordinatorUrls: typeof options.coordinatorUrl === 'string' ? [options.coordinatorUrl] : options.coordinatorUrl,
        role: options.hub ? Role.COMMUNICATION_SERVER_HUB : Role.COMMUNICATION_SERVER,
        query: () => ({
          ...this.#credentials.discoverQuery(this.serverId),
          server_id: this.serverId,
          extensions: MODERATION_EXTENSION,
          ...(this.#webSocketUrl ? { ws_url: this.#webSocketUrl } : {}),
        }),
        retryMinMs: this.limits.coordinatorRetryMinMs,
        retryMaxMs: this.limits.coordinatorRetryMaxMs,
        connectTimeoutMs: this.limits.coordinatorConnectTimeoutMs,
        maxFrameBytes: coordinatorLimitDefaults.maxFrameBytes,
        logger: this.#logger,
      },
      setups: { limit: this.limits.maxPendingSetups, slotMs: this.limits.setupSlotMs },
      stats: this.stats,
      logger: this.#logger,
      host: {
        peers: this.peers,
        isClosing: () => this.#closing,
        isFull: () => this.#isFull(),
        hasLinkTo: (serverId) => this.#hasLinkTo(serverId),
        createPeer: (alias, direction, details) => this.#createPeer(alias, direction, details),
        registered: (alias) => {
          this.#relinks.clear();
          this.emit('registered', alias);
        },
        kick: (message) => this.#moderation.kick(message),
      },
    });
  }

  /** This server's alias for the current coordinator session, once registered. */
  get alias(): number | undefined {
    return this.#signaling.alias;
  }

  get isHub(): boolean {
    return this.#options.hub === true;
  }

  get coordinatorConnected(): boolean {
    return this.#signaling.connected;
  }

  /** Topics subscribed here, locally or by other servers. */
  get topicCount(): number {
    return this.#dispatcher.topicCount;
  }

  /** Client frames over the message rate: dropped on `unreliable`, closing the client on `reliable`. */
  get rateLimited(): { readonly dropped: number; readonly closed: number } {
    return this.#dispatcher.rateLimited;
  }

  /** Live, authenticated server links. */
  linkedServers(): Peer[] {
    return [...this.peers.values()].filter((peer) => peer.isServer && peer.authenticated);
  }

  /** Ready when registered with the coordinator and linked to every server it listed. */
  readiness(): Readiness {
    const pendingLinks = [...this.peers.values()].filter((peer) => peer.direction === 'outgoing' && !peer.authenticated).length;
    const registered = this.alias !== undefined;
    const coordinator = this.coordinatorConnected;
    return {
      ready: registered && coordinator && pendingLinks === 0 && !this.#closing && !this.#draining,
      detail: {
        registered, coordinator, serverLinks: this.linkedServers().length, pendingLinks, draining: this.#draining, closing: this.#closing,
      },
    };
  }

  /** Directory entries (the `direct` extension): this server's clients, and those its links announced. */
  get directoryEntries(): { local: number; remote: number } {
    return this.#directory.size;
  }

  /** Reliable direct messages waiting for another server's answer. */
  get pendingDirects(): number {
    return this.#direct.pending;
  }

  /** What crossed the NATS backbone (undefined without it). */
  get backboneStats(): Readonly<BackboneStats> | undefined {
    return this.#backbone?.stats;
  }

  /** Every peer, as served on /stats. */
  peerReports(): PeerReport[] {
    return [...this.peers.values()].map((peer) => peerReport(peer, this.topicsOf(peer)));
  }

  /** Unreliable frames dropped by full send queues, since the start. */
  unreliableDrops(): number {
    let dropped = this.stats.unreliableDropsOfClosedPeers;
    for (const peer of this.peers.values()) dropped += peer.unreliableDropped;
    return dropped;
  }

  /** The topics a peer subscribed to (another server's: the union of its clients'). */
  topicsOf(peer: Peer): ReadonlySet<string> {
    return this.#dispatcher.topicsOf(peer);
  }

  start(): this {
    const warning = openAccessWarning((this.#options.peerAuthenticator ?? allowAllPeers).unauthenticated);
    if (warning) this.#logger.warn(warning);
    this.#backbone?.start();
    this.#serverLinks.start();
    this.#presence.start();
    this.#directory.start();
    this.#direct.start();
    this.#started = this.#listenForWebSockets().then(() => {
      if (!this.#closing) this.#signaling.start();
    });
    this.#started.catch((error: Error) => {
      if (!this.#listeningAsked) this.#logger.error({ err: error.message }, 'the WebSocket fallback endpoint could not listen: this comm server does not register');
    });
    return this;
  }

  /**
   * Resolves once the WebSocket fallback endpoint listens (at once without
   * one) and the server goes on to register with the coordinator; rejects
   * with the endpoint's error (a port in use). Unless someone asked this,
   * that error is logged instead.
   */
  listening(): Promise<void> {
    this.#listeningAsked = true;
    return this.#started;
  }

  /** The WebSocket fallback endpoint comes up before registering, so the coordinator can tell clients about it. */
  async #listenForWebSockets(): Promise<void> {
    const options = this.#options.webSocket;
    if (!options) return;
    this.#webSockets = await WebSocketEndpoint.listen({
      host: options.host,
      port: options.port,
      maxPayload: this.limits.maxMessageBytes,
      maxConnections: this.limits.maxPeers,
      upgradeTimeoutMs: this.limits.connectTimeoutMs,
      closeTimeoutMs: this.limits.wsCloseTimeoutMs,
      logger: this.#logger,
      accept: (alias) => this.#acceptsWebSocketClient(alias),
      onClient: (alias, connection) => {
        // A client falls back while its WebRTC attempt may still linger here: the socket replaces it.
        // Only clients use the fallback endpoint.
        void this.peers.get(alias)?.close('replaced');
        this.#createPeer(alias, 'incoming', { connection, registeredRole: Role.CLIENT });
      },
    });
    this.#webSocketUrl = publicWebSocketUrl(options.publicUrl, this.#webSockets.url);
    this.#logger.info({ url: this.#webSocketUrl }, 'WebSocket fallback endpoint listening');
  }

  #acceptsWebSocketClient(alias: number): boolean {
    if (this.#closing || this.#draining) return false;
    const existing = this.peers.get(alias);
    if (existing) return !existing.authenticated && existing.direction === 'incoming';
    return !this.#isFull();
  }

  /** Where WebSocket fallback clients connect, once listening. */
  get webSocketUrl(): string | undefined {
    return this.#webSocketUrl;
  }

  async close(): Promise<void> {
    if (this.#closing) return;
    this.#closing = true;
    this.#serverLinks.stop();
    this.#relinks.clear();
    this.#acknowledgements.stop();
    this.#recovery.stop();
    this.#presence.stop();
    this.#directory.stop();
    this.#direct.stop();
    await this.#started.catch(() => undefined);
    await this.#signaling.close();
    await this.#webSockets?.close();
    await Promise.all([...this.peers.values()].map((peer) => peer.close('server-closing')));
    this.#backbone?.close();
  }

  /**
   * Leaves gracefully: unregisters from the coordinator (no new clients),
   * asks the clients that understand DRAIN to move, waits for them to go
   * (at most `drainTimeoutMs`), then closes everything else: clients of the
   * original protocol last, then the links to the mesh.
   */
  async drain(): Promise<void> {
    if (this.#closing || this.#draining) return;
    this.#draining = true;
    await this.#signaling.close();
    const movable = () => [...this.peers.values()].filter((peer) => !peer.isServer && peer.extensions.has(DRAIN_EXTENSION));
    const asked = movable();
    this.#logger.info({ clients: asked.length, deadlineMs: this.limits.drainTimeoutMs }, 'draining');
    const drainFrame = MessageHeader.encode({ type: MessageType.DRAIN });
    for (const peer of asked) peer.send('reliable', drainFrame);
    await new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(deadline);
        this.off('peerClosed', check);
        resolve();
      };
      const check = () => {
        if (movable().length === 0) finish();
      };
      const deadline = setTimeout(finish, this.limits.drainTimeoutMs);
      this.on('peerClosed', check);
      check();
    });
    await this.close();
  }

  get draining(): boolean {
    return this.#draining;
  }

  #hasLinkTo(serverId: string): boolean {
    for (const peer of this.peers.values()) {
      if (peer.serverId === serverId && !peer.closed) return true;
    }
    return false;
  }

  /** Peers and CONNECTs waiting for their set-up count alike. */
  #isFull(): boolean {
    return this.peers.size + this.#signaling.waitingSetups >= this.limits.maxPeers;
  }

  /**
   * `connection`: a WebSocket fallback client's socket; `serverId`: an
   * outgoing link's server, if the coordinator named it; `registeredRole`:
   * what the coordinator says an incoming peer registered as, if it said.
   */
  #createPeer(
    alias: number, direction: 'incoming' | 'outgoing',
    { connection, serverId, registeredRole }: { connection?: PeerConnectionLike; serverId?: string; registeredRole?: Role } = {},
  ): Peer {
    // On the backbone every link to a server is over NATS: ours (outgoing), and a server's whose CONNECT the coordinator stamped as one.
    const backboneLink = this.#backbone !== undefined && connection === undefined
      && (direction === 'outgoing' || (registeredRole !== undefined && isServerRole(registeredRole)));
    const peer = new Peer({
      alias,
      serverId,
      registeredRole,
      direction,
      transport: connection ? 'websocket' : backboneLink ? 'nats' : 'webrtc',
      pc: connection ?? (backboneLink ? this.#backbone!.connection()
        : this.#rtc({ iceServers: this.#options.iceServers ?? [], portRange: this.#options.portRange })),
      signaling: this.#signaling.sinkFor(alias),
      negotiation: { maxPendingCandidates: this.limits.maxPendingCandidates, dropMdnsCandidates: true },
      writer: {
        reliableQueueBytes: this.limits.reliableQueueBytes,
        unreliableQueueBytes: this.limits.unreliableQueueBytes,
        windowBytes: this.limits.sendWindowBytes,
        batchDelayMs: this.limits.batchDelayMs,
      },
      announcement: this.#announcement,
      connectTimeoutMs: this.limits.connectTimeoutMs,
      onFrame: (p, channel, frame) => this.#onFrame(p, channel, frame),
      onOpen: (p) => this.#onPeerOpen(p),
      onAnnouncement: (p) => {
        if (!p.authenticated) return;
        if (p.extensions.has(PRESENCE_EXTENSION)) this.#presence.linkReady(p);
        if (p.extensions.has(DIRECT_EXTENSION)) this.#directory.linkReady(p);
      },
      onChannelError: (p, channel, detail) => this.#reject(p, 'protocol-error', `${channel} channel: ${detail}`),
      onClose: (p, reason) => this.#onPeerClosed(p, reason),
    });
    this.peers.set(alias, peer);
    return peer;
  }

  // ---- peers ----

  #onPeerOpen(peer: Peer): void {
    if (peer.direction !== 'outgoing') return;
    peer.send('reliable', ourAuth(this.isHub, this.serverId, this.#credentials.authBody(this.serverId)));
    this.#admit(peer);
  }

  /** An incoming peer's `verdict` came from its AUTH, `waiting` are the reliable frames that followed it; an outgoing link has neither. */
  #admit(peer: Peer, verdict?: AdmissionVerdict, waiting: Uint8Array[] = []): void {
    peer.admit(verdict);
    if (peer.direction === 'incoming') this.#signaling.setupDone(peer.alias);
    this.#logger.info({ alias: peer.alias, role: Role[peer.role], direction: peer.direction }, 'peer connected');
    if (peer.isServer) this.#serverLinks.admitted(peer);
    if (peer.isServer && peer.direction === 'outgoing') this.#relinks.linked(peer.alias);
    if (peer.isServer && peer.transport === 'nats' && peer.serverId !== undefined) this.#linksByServerId.set(peer.serverId, peer);
    if (peer.isServer && peer.extensions.has(PRESENCE_EXTENSION)) this.#presence.linkReady(peer);
    if (peer.extensions.has(DIRECT_EXTENSION)) {
      if (peer.isServer) this.#directory.linkReady(peer);
      else this.#directory.clientAdmitted(peer);
    }
    this.emit('peerAuthenticated', peer);
    for (const frame of waiting) this.#onFrame(peer, 'reliable', frame);
  }

  /** Closes a peer for what it sent; logged once, here. `announced`: the extensions of a refused AUTH. */
  #reject(peer: Peer, reason: PeerCloseReason, detail: string, announced?: ReadonlySet<string>): void {
    this.#logger.info({ alias: peer.alias, reason, detail }, 'closing the peer');
    if (reason === 'auth-failed') this.#signaling.refuse(peer.alias, ConnectionRefusedReason.AUTH_FAILED);
    if (reason === 'banned') this.#signaling.refuse(peer.alias, ConnectionRefusedReason.BANNED);
    peer.close(reason, announced);
  }

  #onPeerClosed(peer: Peer, reason: PeerCloseReason): void {
    if (this.peers.get(peer.alias) === peer) this.peers.delete(peer.alias);
    if (peer.direction === 'incoming' && !peer.authenticated) this.#signaling.setupDone(peer.alias);
    this.#admission.forget(peer);
    this.#serverLinks.forget(peer);
    if (peer.serverId !== undefined && this.#linksByServerId.get(peer.serverId) === peer) {
      this.#linksByServerId.delete(peer.serverId);
      this.#backbone?.forgetServer(peer.serverId);
    }
    if (peer.direction === 'outgoing' && RELINKED.has(reason) && !this.#closing && !this.#draining) this.#relinks.failed(peer.alias, peer.serverId);
    this.stats.peerClosed(reason);
    this.stats.unreliableDropsOfClosedPeers += peer.unreliableDropped;
    this.#dispatcher.forget(peer, reason);
    const level = reason === 'server-closing' || reason === 'channel-closed' ? 'debug' : 'info';
    this.#logger[level]({ alias: peer.alias, role: Role[peer.role], reason }, 'peer closed');
    this.emit('peerClosed', peer, reason);
  }

  /** A topic message another server published on the backbone: as if its link had carried it. */
  #fromBackbone(serverId: string, channel: ChannelKind, frame: Uint8Array): BackboneDelivery {
    const link = this.#linksByServerId.get(serverId);
    if (link === undefined) return 'unlinked';
    return this.#dispatcher.handleFromBackbone(link, channel, frame) ? 'delivered' : 'rejected';
  }

  #onFrame(peer: Peer, channel: ChannelKind, frame: Uint8Array): void {
    if (peer.authenticated) this.#dispatcher.handle(peer, channel, frame);
    else if (peer.direction === 'incoming') this.#admission.handle(peer, channel, frame);
  }
}

/** Why a link we made may close while its server is still there (or back soon): made again (relinks.ts). */
const RELINKED: ReadonlySet<PeerCloseReason> = new Set(['link-timeout', 'ice-failed', 'channel-closed', 'connect-timeout', 'signaling-error']);

/**
 * The WebSocket endpoint's URL as clients are told it: `publicUrl` (behind a
 * proxy or NAT), where port 0 stands for the port the endpoint bound (scaled
 * replicas on a host network each bind their own), else the bound URL.
 */
export function publicWebSocketUrl(publicUrl: string | undefined, boundUrl: string): string {
  if (publicUrl === undefined) return boundUrl;
  const url = new URL(publicUrl);
  if (url.port !== '0') return publicUrl;
  url.port = new URL(boundUrl).port;
  // URL adds a '/' to an empty path: keep the URL as it was written.
  return publicUrl.endsWith('/') || url.pathname !== '/' ? url.href : url.href.slice(0, -1);
}
