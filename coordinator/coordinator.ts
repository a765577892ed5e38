// The coordinator: hands out aliases, tells each peer which servers to
// connect to (WELCOME) and relays their signaling; it kicks clients through
// their comm servers and refuses banned identities (moderation). Closing it
// closes every peer socket and the HTTP server. With a cluster (several
// coordinators sharing NATS, coordinator/nats/) aliases, the comm servers
// and the relay span every coordinator; without one it is alone.
import { EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import { allowAllUpgrades, openAccessWarning, type UpgradeAuthenticator } from '../shared/auth.js';
import type { ClientTokenIssuer } from '../shared/credentials.js';
import { ConnectionRefused, ConnectionRefusedReason, Kicked, MessageType, Role, Welcome, isServerRole, peekType } from '../shared/codec.js';
import { coordinatorLimitDefaults, type CoordinatorLimits } from '../shared/config.js';
import { silentLogger, type Logger } from '../shared/log.js';
import { AliasAllocator, AliasError } from './alias-allocator.js';
import type { ClusterServer, CoordinatorCluster } from './cluster.js';
import { Endpoints, notFoundHandler, type ClientDetails, type RefusalStatus } from './endpoints.js';
import { Keepalive } from './keepalive.js';
import { Moderation } from './moderation.js';
import { Registry, type RegisteredPeer, type PeerInfo } from './registry.js';
import { SignalingRelay, relayedTypeOf } from './relay.js';
import { fullMeshSelector, type ServerSelector } from './selector.js';
import { createStats, type CoordinatorStats } from './stats.js';

/** Serves HTTP requests that are not WebSocket upgrades (health, metrics, ...). */
export type CoordinatorHttpHandler = (request: IncomingMessage, response: ServerResponse, coordinator: Coordinator) => void;

export interface CoordinatorOptions {
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  /** TCP port; 0 picks a free one (read it back from `coordinator.port`). */
  port: number;
  logger?: Logger;
  /** Default: full mesh, random server per client. */
  selector?: ServerSelector;
  /** Default: allowAllUpgrades (with a warning at start). */
  upgradeAuthenticator?: UpgradeAuthenticator;
  /** Issues each client a token (WELCOME field 5) that comm servers verify in AUTH; default: no tokens. */
  clientTokens?: ClientTokenIssuer;
  limits?: Partial<CoordinatorLimits>;
  /** Default: aliases from an epoch-based start, unique across restarts (see alias-allocator.ts). */
  aliasAllocator?: AliasAllocator;
  /** Default: 404 for everything. */
  httpHandler?: CoordinatorHttpHandler;
  /** On close, peers that have not completed the closing handshake after this long are terminated. Default 2000. */
  shutdownGraceMs?: number;
  /**
   * The state this coordinator shares with others (aliases, comm servers,
   * the relay between them); the coordinator closes it. Default: none, this
   * coordinator alone (aliases from `aliasAllocator`).
   */
  cluster?: CoordinatorCluster;
}

/** A comm server as WELCOME names it: attached here (RegisteredPeer) or anywhere in the cluster (ClusterServer). */
type ServerEntry = PeerInfo & { readonly serverId?: string; readonly webSocketUrl?: string };

/** A comm server attached here, in a cluster: its place in the registration order and the servers it was told to link to. */
interface AttachedServer {
  readonly peer: RegisteredPeer;
  readonly order: number;
  readonly told: Set<number>;
}

export interface CoordinatorEvents {
  peerRegistered: [peer: PeerInfo];
  peerRemoved: [peer: PeerInfo];
  /** An upgrade refused with this HTTP status (400, 401, 503); role undefined for a bad request. */
  upgradeRefused: [status: RefusalStatus, role: Role | undefined];
}

/** WebSocket close code of a coordinator shutting down. */
export const CLOSE_GOING_AWAY = 1001;
/** WebSocket close code of a peer the coordinator could not serve (an internal error). */
export const CLOSE_INTERNAL_ERROR = 1011;
/** WebSocket close code of a comm server the cluster could not register (NATS unreachable): it tries again. */
export const CLOSE_TRY_AGAIN_LATER = 1013;
/** WebSocket close code of a client refused for a banned identity (after CONNECTION_REFUSED{BANNED}). */
export const CLOSE_POLICY_VIOLATION = 1008;

export class Coordinator extends EventEmitter<CoordinatorEvents> {
  readonly registry = new Registry();
  readonly stats: CoordinatorStats = createStats();
  readonly limits: CoordinatorLimits;
  /** Kicks and bans (the admin API's). */
  readonly moderation: Moderation;
  readonly #host: string;
  readonly #logger: Logger;
  readonly #selector: ServerSelector;
  readonly #aliases: AliasAllocator;
  readonly #relay: SignalingRelay;
  readonly #endpoints: Endpoints;
  readonly #keepalive: Keepalive;
  readonly #statsTimer: NodeJS.Timeout | undefined;
  readonly #shutdownGraceMs: number;
  readonly #clientTokens: ClientTokenIssuer | undefined;
  readonly #cluster: CoordinatorCluster | undefined;
  /** In a cluster: the comm servers attached here that got their WELCOME, by alias. */
  readonly #attached = new Map<number, AttachedServer>();
  #closed: Promise<void> | undefined;

  static async start(options: CoordinatorOptions): Promise<Coordinator> {
    const coordinator = new Coordinator(options);
    try {
      await coordinator.#endpoints.listen();
    } catch (error) {
      await coordinator.close();
      throw error;
    }
    coordinator.#logger.info({ url: coordinator.url }, 'coordinator listening');
    const warning = openAccessWarning((options.upgradeAuthenticator ?? allowAllUpgrades).unauthenticated);
    if (warning) coordinator.#logger.warn(warning);
    return coordinator;
  }

  private constructor(options: CoordinatorOptions) {
    super();
    this.limits = { ...coordinatorLimitDefaults, ...options.limits };
    this.#host = options.host ?? '127.0.0.1';
    this.#logger = options.logger ?? silentLogger();
    this.#selector = options.selector ?? fullMeshSelector();
    this.#aliases = options.aliasAllocator ?? new AliasAllocator();
    this.#shutdownGraceMs = options.shutdownGraceMs ?? 2000;
    this.#clientTokens = options.clientTokens;
    this.#cluster = options.cluster;
    this.moderation = new Moderation({
      registry: this.registry, maxBans: this.limits.maxBans, kickTimeoutMs: this.limits.kickTimeoutMs, logger: this.#logger,
    });
    this.#relay = new SignalingRelay(this.registry, this.stats, this.#logger, {
      perSecond: this.limits.maxSignalingPerSecond,
      burst: this.limits.signalingBurst,
    }, this.#cluster && ((toAlias, frame) => this.#cluster!.forward(toAlias, frame)));
    this.#cluster?.on('signal', (toAlias, frame) => this.#deliverFromCluster(toAlias, frame));
    this.#cluster?.on('serverAdded', (server) => this.#onClusterServer(server));
    const httpHandler = options.httpHandler ?? notFoundHandler;
    this.#endpoints = new Endpoints({
      host: this.#host,
      port: options.port,
      maxFrameBytes: this.limits.maxFrameBytes,
      closeTimeoutMs: this.limits.wsCloseTimeoutMs,
      authenticator: options.upgradeAuthenticator ?? allowAllUpgrades,
      httpHandler: (request, response) => httpHandler(request, response, this),
      maxConnections: this.limits.maxConnections,
      connectionCount: () => this.registry.serverCount + this.registry.clientCount,
      onConnection: (socket, role, url, client) => this.#accept(socket, role, url, client),
      onRefused: (status, role) => this.emit('upgradeRefused', status, role),
      stats: this.stats,
      logger: this.#logger,
    });
    this.#keepalive = new Keepalive({
      pingIntervalMs: this.limits.pingIntervalMs,
      idleTimeoutMs: this.limits.idleTimeoutMs,
      onIdle: () => this.stats.idleTerminations++,
    });
    if (this.limits.statsIntervalMs > 0) {
      this.#statsTimer = setInterval(() => this.#logStats(), this.limits.statsIntervalMs);
      this.#statsTimer.unref();
    }
  }

  get port(): number {
    return this.#endpoints.port;
  }

  /** Base WebSocket URL: clients connect to `${url}/connect`, servers to `${url}/discover?role=...`. */
  get url(): string {
    return `ws://${urlHost(this.#host)}:${this.port}`;
  }

  /** The state shared with other coordinators, if this one runs in a cluster. */
  get cluster(): CoordinatorCluster | undefined {
    return this.#cluster;
  }

  /** The HTTP server, for callers that need more than `httpHandler`. */
  get httpServer(): Server {
    return this.#endpoints.httpServer;
  }

  /** Closes every peer socket (1001) and the HTTP server. Idempotent: every call returns the same promise. */
  close(): Promise<void> {
    this.#closed ??= this.#shutdown();
    return this.#closed;
  }

  async #shutdown(): Promise<void> {
    this.#keepalive.stop();
    this.moderation.close();
    clearInterval(this.#statsTimer);
    const httpClosed = this.#endpoints.close();
    await Promise.all(this.registry.all().map((peer) => closeSocket(peer.socket, this.#shutdownGraceMs)));
    await httpClosed;
    await this.#cluster?.close();
    this.#logger.info('coordinator closed');
  }

  #accept(socket: WebSocket, role: Role, url: URL, { identity, permissions }: ClientDetails): void {
    socket.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH') this.stats.droppedOversize++;
      this.#logger.debug({ err: error }, 'peer socket error');
    });
    if (this.#closed !== undefined) {
      socket.close(CLOSE_GOING_AWAY, 'coordinator shutting down');
      return;
    }
    if (role === Role.CLIENT && identity?.length && this.moderation.isBanned(identity)) {
      this.stats.refusedBanned++;
      socket.send(ConnectionRefused.encode({ type: MessageType.CONNECTION_REFUSED, reason: ConnectionRefusedReason.BANNED }));
      socket.close(CLOSE_POLICY_VIOLATION, 'banned');
      return;
    }
    let peer: RegisteredPeer;
    let availableServers: ServerEntry[];
    let token: Uint8Array | undefined;
    // In a cluster a comm server gets its WELCOME once the cluster has registered it.
    const deferWelcome = role !== Role.CLIENT && this.#cluster !== undefined;
    try {
      const alias = this.#cluster?.nextAlias() ?? this.#aliases.next();
      availableServers = deferWelcome ? [] : this.#serversFor({ alias, role }, this.#cluster?.servers() ?? this.registry.servers());
      peer = role === Role.CLIENT
        ? { alias, role, socket, identity, server: availableServers[0]?.alias }
        : { alias, role, socket, serverId: serverIdOf(url), webSocketUrl: webSocketUrlOf(url), extensions: extensionsOf(url) };
      if (role === Role.CLIENT) token = this.#clientTokens?.issue({ alias, identity: identity ?? new Uint8Array(0), permissions });
    } catch (error) {
      if (error instanceof AliasError && error.code === 'ALIASES_UNAVAILABLE') {
        // In a cluster whose NATS is away, once the block at hand is used up: the peer tries again.
        this.#logger.warn({ role: Role[role] }, 'no alias at hand, refusing a peer until NATS is back');
        socket.close(CLOSE_TRY_AGAIN_LATER, 'no alias available');
        return;
      }
      this.#logger.error({ err: error, role: Role[role] }, 'cannot welcome a peer');
      socket.close(CLOSE_INTERNAL_ERROR, 'coordinator error');
      return;
    }
    const info: PeerInfo = { alias: peer.alias, role };
    this.registry.add(peer);
    if (role === Role.CLIENT) {
      this.stats.connections.clients++;
      for (const { alias } of availableServers) this.stats.assignments.set(alias, (this.stats.assignments.get(alias) ?? 0) + 1);
    } else {
      this.stats.connections.servers++;
    }
    this.#keepalive.track(socket);
    socket.on('message', (data, isBinary) => this.#onMessage(peer, data, isBinary));
    socket.once('close', (code) => {
      this.registry.remove(peer.alias);
      this.stats.assignments.delete(peer.alias);
      if (role !== Role.CLIENT) this.moderation.serverRemoved(peer.alias);
      if (role !== Role.CLIENT && this.#cluster !== undefined) {
        this.#attached.delete(peer.alias);
        this.#cluster.detachServer(peer);
      }
      this.#logger.debug({ alias: peer.alias, role: Role[role], code }, 'peer removed');
      this.emit('peerRemoved', info);
    });
    if (deferWelcome) {
      this.#welcomeClusterServer(peer, info);
      return;
    }
    this.#welcome(peer, availableServers, token);
    this.emit('peerRegistered', info);
  }

  /** `again`: a second WELCOME (more servers to link to), after which the server has the bans already. */
  #welcome(peer: RegisteredPeer, servers: readonly ServerEntry[], token?: Uint8Array, again = false): void {
    const client = peer.role === Role.CLIENT;
    const availableServers = servers.map((server) => server.alias);
    const serverIds = client ? [] : servers.map((server) => server.serverId ?? '');
    const serverUrls = client ? servers.map((server) => server.webSocketUrl ?? '') : [];
    peer.socket.send(Welcome.encode({ type: MessageType.WELCOME, alias: peer.alias, availableServers, serverIds, token, serverUrls }));
    if (!client && !again) this.moderation.serverRegistered(peer);
    this.#logger.debug({ alias: peer.alias, role: Role[peer.role], availableServers }, 'peer registered');
  }

  /**
   * A comm server in a cluster: registered with the cluster first, then
   * told to link to the servers registered before it (the others link to
   * it). Should the cluster not register it, it is closed and tries again.
   */
  #welcomeClusterServer(peer: RegisteredPeer, info: PeerInfo): void {
    this.#cluster!.attachServer(peer).then((order) => {
      if (peer.socket.readyState !== peer.socket.OPEN) {
        // It left while being registered: its 'close' came before the cluster held it.
        this.#cluster!.detachServer(peer);
        return;
      }
      const earlier = this.#cluster!.servers().filter((server) => server.order < order && server.alias !== peer.alias);
      const servers = this.#serversFor(peer, earlier);
      this.#attached.set(peer.alias, { peer, order, told: new Set(servers.map((server) => server.alias)) });
      this.#welcome(peer, servers);
      this.emit('peerRegistered', info);
    }, (error: Error) => {
      this.#logger.warn({ err: error.message, alias: peer.alias }, 'cannot register a comm server with the cluster');
      peer.socket.close(CLOSE_TRY_AGAIN_LATER, 'cluster unavailable');
    });
  }

  /**
   * A server registered elsewhere in the cluster after our servers' WELCOMEs
   * were computed but before them in the registration order: they learn of
   * it now, in another WELCOME (our comm servers link to the servers a
   * WELCOME lists that they are not linked to yet).
   */
  #onClusterServer(server: ClusterServer): void {
    this.#forgetGoneAssignments();
    for (const attached of this.#attached.values()) {
      const { peer, order, told } = attached;
      if (server.order >= order || server.alias === peer.alias || told.has(server.alias) || peer.serverId === undefined) continue;
      if (server.serverId !== undefined && server.serverId === peer.serverId) continue;
      const servers = this.#serversFor(peer, [server]);
      if (servers.length === 0) continue;
      told.add(server.alias);
      if (peer.socket.readyState === peer.socket.OPEN) this.#welcome(peer, servers, undefined, true);
    }
  }

  /** Assignment counts of servers no longer in the cluster (they re-registered under new aliases, or left elsewhere) are dropped. */
  #forgetGoneAssignments(): void {
    const servers = this.#cluster!.servers();
    if (this.stats.assignments.size <= servers.length + 64) return;
    const live = new Set(servers.map((server) => server.alias));
    for (const alias of this.stats.assignments.keys()) if (!live.has(alias)) this.stats.assignments.delete(alias);
  }

  /** A frame another coordinator relayed to a peer attached here. */
  #deliverFromCluster(toAlias: number, frame: Uint8Array): void {
    const name = relayedTypeOf(frame);
    if (name === undefined) {
      this.stats.droppedUnsupportedType++;
      return;
    }
    const recipient = this.registry.get(toAlias);
    if (recipient === undefined || recipient.socket.readyState !== recipient.socket.OPEN) {
      this.stats.droppedUnknownAlias++;
      return;
    }
    recipient.socket.send(frame);
  }

  /**
   * The WELCOME list: the servers a new server links to, or the one server a
   * client should use. A client gets an empty list when no server is
   * registered (or the selector finds none fit); client libraries treat that
   * as an error.
   */
  #serversFor(peer: PeerInfo, servers: readonly ServerEntry[]): ServerEntry[] {
    const byAlias = new Map(servers.map((server) => [server.alias, server]));
    const chosen = peer.role === Role.CLIENT
      ? [this.#selector.serverForClient(servers)].filter((alias) => alias !== undefined)
      : this.#selector.serversToLinkFor({ alias: peer.alias, role: peer.role }, servers);
    return chosen.flatMap((alias) => byAlias.get(alias) ?? []);
  }

  #onMessage(peer: RegisteredPeer, data: RawData, isBinary: boolean): void {
    if (!isBinary) {
      this.stats.droppedTextFrames++;
      this.#logger.debug({ alias: peer.alias }, 'dropped a text frame');
      return;
    }
    try {
      // With ws's default binaryType ('nodebuffer') a message is one Buffer.
      const frame = data as Buffer;
      if (isServerRole(peer.role) && peekType(frame) === MessageType.KICKED) this.moderation.answered(peer, Kicked.decode(frame));
      else this.#relay.relay(peer, frame);
    } catch (error) {
      this.#logger.warn({ err: error, alias: peer.alias }, 'relay failed');
    }
  }

  #logStats(): void {
    this.#logger.info(
      { servers: this.registry.serverCount, clients: this.registry.clientCount, stats: this.stats },
      'coordinator stats',
    );
  }
}

/** Starts the closing handshake and resolves on 'close'; terminates the socket if the peer takes longer than graceMs. */
function closeSocket(socket: WebSocket, graceMs: number): Promise<void> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => socket.terminate(), graceMs);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve();
    });
    socket.close(CLOSE_GOING_AWAY, 'coordinator shutting down');
  });
}

/** A host for a URL: wildcard addresses become loopback, IPv6 literals get brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

const MAX_SERVER_ID_LENGTH = 128;

/** A comm server's stable identity from its /discover query; ignored when absent or oversized. */
function serverIdOf(url: URL): string | undefined {
  const serverId = url.searchParams.get('server_id');
  if (!serverId || serverId.length > MAX_SERVER_ID_LENGTH) return undefined;
  return serverId;
}

/** A comm server's WebSocket URL for fallback clients from its /discover query; ignored unless ws:// or wss://. */
function webSocketUrlOf(url: URL): string | undefined {
  const value = url.searchParams.get('ws_url');
  if (!value || value.length > 512 || !/^wss?:\/\/[^\s]+$/.test(value)) return undefined;
  return value;
}

/** A comm server's extensions from its /discover query (`extensions=a,b`); ignored when oversized. */
function extensionsOf(url: URL): ReadonlySet<string> {
  const value = url.searchParams.get('extensions');
  if (!value || value.length > 256) return new Set();
  return new Set(value.split(',').filter(Boolean));
}
