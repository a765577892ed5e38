// The coordinator's HTTP server: `GET /connect` upgrades a client,
// `GET /discover?role=...` a comm server; everything else goes to the HTTP
// handler (404 by default). An upgrade with an unknown path or role is
// refused with 400, one over maxConnections with 503, one the authenticator
// rejects with 401.
import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { UpgradeAuthenticator } from '../shared/auth.js';
import type { TopicPermissions } from '../shared/topic-permissions.js';
import { listenHttp } from '../shared/http-listen.js';
import { Role } from '../shared/codec.js';
import type { Logger } from '../shared/log.js';
import type { CoordinatorStats } from './stats.js';

export type HttpHandler = (request: IncomingMessage, response: ServerResponse) => void;

export const notFoundHandler: HttpHandler = (_request, response) => {
  response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
};

/** The role a `/discover` query names, by enum name or number; undefined unless it is a server role. */
function parseServerRole(value: string | null): Role | undefined {
  switch (value) {
    case 'COMMUNICATION_SERVER':
    case String(Role.COMMUNICATION_SERVER):
      return Role.COMMUNICATION_SERVER;
    case 'COMMUNICATION_SERVER_HUB':
    case String(Role.COMMUNICATION_SERVER_HUB):
      return Role.COMMUNICATION_SERVER_HUB;
    default:
      return undefined;
  }
}

function parseRequestUrl(request: IncomingMessage): URL | undefined {
  try {
    return new URL(request.url ?? '', 'http://coordinator');
  } catch {
    return undefined;
  }
}

/** The role an upgrade request asks for, or undefined for an unknown path or role. */
function roleOfUpgrade(url: URL): Role | undefined {
  if (url.pathname === '/connect') return Role.CLIENT;
  if (url.pathname === '/discover') return parseServerRole(url.searchParams.get('role'));
  return undefined;
}

export interface EndpointsOptions {
  host: string;
  port: number;
  maxFrameBytes: number;
  /** How long a socket we close may take to answer the close frame before it is dropped. */
  closeTimeoutMs: number;
  authenticator: UpgradeAuthenticator;
  httpHandler: HttpHandler;
  /** Connections at most (accepted sockets and upgrades in progress); 0: no limit. */
  maxConnections: number;
  /** Accepted WebSockets that are still open. */
  connectionCount: () => number;
  /** A WebSocket accepted for `role`, handshake complete; a client's identity and topic permissions from the authenticator's hooks. */
  onConnection: (socket: WebSocket, role: Role, url: URL, client: ClientDetails) => void;
  /** An upgrade was refused with this HTTP status. */
  onRefused?: (status: RefusalStatus, role: Role | undefined) => void;
  stats: CoordinatorStats;
  logger: Logger;
}

/** What the upgrade authenticator's hooks say of a client. */
export interface ClientDetails {
  identity?: Uint8Array;
  permissions?: TopicPermissions;
}

export class Endpoints {
  readonly httpServer: Server;
  readonly #webSockets: WebSocketServer;
  readonly #options: EndpointsOptions;
  /** Upgrade requests waiting for the authenticator, destroyed if we close meanwhile. */
  readonly #pendingUpgrades = new Set<Duplex>();
  #closing = false;

  constructor(options: EndpointsOptions) {
    this.#options = options;
    // ws 8.23 takes closeTimeout; @types/ws 8.18 does not list it yet.
    const closing: { closeTimeout: number } = { closeTimeout: options.closeTimeoutMs };
    this.#webSockets = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, ...closing });
    this.#webSockets.on('error', (error) => options.logger.warn({ err: error.message }, 'WebSocket server error'));
    this.httpServer = createServer((request, response) => this.#handleRequest(request, response));
    this.httpServer.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.#handleUpgrade(request, socket, head).catch((error: unknown) => {
        options.logger.warn({ err: error }, 'upgrade failed');
        socket.destroy();
      });
    });
  }

  listen(): Promise<void> {
    return listenHttp(this.httpServer, this.#options.port, this.#options.host, this.#options.logger);
  }

  get port(): number {
    const address = this.httpServer.address();
    if (address === null || typeof address === 'string') throw new Error('the HTTP server is not listening on TCP');
    return address.port;
  }

  /**
   * Stops accepting connections at once; resolves when every connection has
   * ended, accepted WebSockets included, which are the caller's to close.
   */
  close(): Promise<void> {
    this.#closing = true;
    const closed = new Promise<void>((resolve) => this.httpServer.close(() => resolve()));
    for (const socket of this.#pendingUpgrades) socket.destroy();
    this.#webSockets.close();
    return closed;
  }

  #handleRequest(request: IncomingMessage, response: ServerResponse): void {
    try {
      this.#options.httpHandler(request, response);
    } catch (error) {
      this.#options.logger.warn({ err: error, url: request.url }, 'HTTP handler failed');
      if (!response.headersSent) response.writeHead(500);
      response.end();
    }
  }

  async #handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const { logger, stats } = this.#options;
    socket.on('error', (error) => logger.debug({ err: error }, 'socket error during upgrade'));
    const url = parseRequestUrl(request);
    const role = url && roleOfUpgrade(url);
    if (url === undefined || role === undefined) {
      stats.refusedUpgrades.badRequest++;
      logger.debug({ url: request.url }, 'refused an upgrade: unknown path or role');
      this.#refuse(socket, 400, undefined);
      return;
    }
    const { maxConnections, connectionCount } = this.#options;
    if (maxConnections > 0 && connectionCount() + this.#pendingUpgrades.size >= maxConnections) {
      stats.refusedUpgrades.overloaded++;
      if (stats.refusedUpgrades.overloaded % 100 === 1) logger.warn({ maxConnections, role: Role[role] }, 'refused an upgrade: too many connections');
      this.#refuse(socket, 503, role);
      return;
    }
    const accepted = await this.#authenticate(socket, role, url, request);
    if (!accepted) {
      stats.refusedUpgrades.unauthorized++;
      logger.info({ role: Role[role], address: request.socket.remoteAddress }, 'refused an upgrade: authentication failed');
      this.#refuse(socket, 401, role);
      return;
    }
    if (this.#closing || socket.destroyed) {
      socket.destroy();
      return;
    }
    this.#webSockets.handleUpgrade(request, socket, head, (webSocket) => this.#options.onConnection(webSocket, role, url, accepted));
  }

  /** Authenticates, then identifies a client and asks for its topic permissions; false if refused. */
  async #authenticate(socket: Duplex, role: Role, url: URL, request: IncomingMessage): Promise<false | ClientDetails> {
    const { authenticator } = this.#options;
    const upgrade = { role, url, headers: request.headers };
    this.#pendingUpgrades.add(socket);
    try {
      if (!(await authenticator.authenticate(upgrade))) return false;
      if (role !== Role.CLIENT) return {};
      return { identity: await authenticator.identify?.(upgrade), permissions: await authenticator.topicPermissions?.(upgrade) };
    } catch (error) {
      this.#options.logger.warn({ err: error, role: Role[role] }, 'upgrade authenticator threw; refusing');
      return false;
    } finally {
      this.#pendingUpgrades.delete(socket);
    }
  }

  #refuse(socket: Duplex, status: RefusalStatus, role: Role | undefined): void {
    refuseUpgrade(socket, status);
    this.#options.onRefused?.(status, role);
  }
}

export type RefusalStatus = 400 | 401 | 503;

function refuseUpgrade(socket: Duplex, status: RefusalStatus): void {
  if (socket.destroyed) return;
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
