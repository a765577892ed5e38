// The comm server's WebSocket endpoint for clients that cannot use WebRTC
// (UDP blocked, no TURN). Such a client connects to `ws://host:port/?alias=N`
// with the alias its WELCOME gave it and then speaks the same messages, AUTH
// first; the server treats it as any other client. Anyone can reach it, so
// every socket and server here has its errors handled, an upgrade that does
// not complete in `upgradeTimeoutMs` is dropped, and connections are bounded.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { listenHttp } from '../shared/http-listen.js';
import type { Logger } from '../shared/log.js';
import type { PeerConnectionLike } from '../shared/rtc.js';
import { webSocketChannels, type MessageSocket } from '../shared/websocket-channel.js';

export interface WebSocketEndpointOptions {
  host: string;
  port: number;
  maxPayload: number;
  /** TCP connections at once, upgraded or not; more are dropped as they arrive. */
  maxConnections: number;
  /** An upgrade request whose headers have not all arrived by then is dropped (HTTP 408). */
  upgradeTimeoutMs: number;
  /** A client we close that has not answered the close frame by then is dropped. */
  closeTimeoutMs: number;
  logger: Logger;
  /** A client asking for `alias`; false refuses it (alias in use, server full, draining). */
  accept: (alias: number) => boolean;
  onClient: (alias: number, connection: PeerConnectionLike) => void;
}

export class WebSocketEndpoint {
  readonly #http: Server;
  readonly #sockets: WebSocketServer;

  private constructor(http: Server, sockets: WebSocketServer) {
    this.#http = http;
    this.#sockets = sockets;
  }

  static async listen(options: WebSocketEndpointOptions): Promise<WebSocketEndpoint> {
    const { logger, upgradeTimeoutMs } = options;
    const http = createServer({
      headersTimeout: upgradeTimeoutMs,
      requestTimeout: upgradeTimeoutMs,
      connectionsCheckingInterval: Math.min(upgradeTimeoutMs, HEADERS_CHECK_MS),
    }, (_request, response) => {
      response.writeHead(426, { 'content-type': 'text/plain', connection: 'close' });
      response.end('WebSocket only\n');
    });
    http.maxConnections = options.maxConnections;
    // ws 8.23 takes closeTimeout; @types/ws 8.18 does not list it yet.
    const closing: { closeTimeout: number } = { closeTimeout: options.closeTimeoutMs };
    const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload, ...closing });
    sockets.on('error', (error) => logger.warn({ err: error.message }, 'WebSocket server error'));
    http.on('upgrade', (request: IncomingMessage, socket, head) => {
      // Node hands over an upgrading socket without its own error listener.
      socket.on('error', (error) => logger.debug({ err: error.message }, 'WebSocket fallback socket error'));
      const alias = aliasOf(request);
      if (alias === undefined || !options.accept(alias)) {
        socket.end(`HTTP/1.1 ${alias === undefined ? '400 Bad Request' : '409 Conflict'}\r\nConnection: close\r\n\r\n`);
        return;
      }
      sockets.handleUpgrade(request, socket, head, (webSocket) => options.onClient(alias, webSocketConnection(webSocket)));
    });
    await listenHttp(http, options.port, options.host, logger);
    return new WebSocketEndpoint(http, sockets);
  }

  get url(): string {
    const { address, port } = this.#http.address() as AddressInfo;
    return `ws://${address.includes(':') ? `[${address}]` : address}:${port}`;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets.clients) socket.terminate();
    this.#sockets.close();
    this.#http.closeAllConnections();
    this.#http.close();
    await once(this.#http, 'close');
  }
}

/** How often Node looks for upgrade requests past their timeout (its default is 30 s). */
const HEADERS_CHECK_MS = 1_000;

function aliasOf(request: IncomingMessage): number | undefined {
  const alias = Number(new URL(request.url ?? '/', 'ws://localhost').searchParams.get('alias'));
  return Number.isSafeInteger(alias) && alias > 0 ? alias : undefined;
}

/** A peer connection whose two channels are one WebSocket; there is nothing to negotiate. */
function webSocketConnection(socket: WebSocket): PeerConnectionLike {
  const channels = webSocketChannels(socket as unknown as MessageSocket);
  const notNegotiated = () => Promise.reject(new Error('a WebSocket connection has no SDP'));
  const connection: PeerConnectionLike = {
    connectionState: 'connected',
    iceConnectionState: 'connected',
    remoteDescription: null,
    createDataChannel: (label) => (label === 'reliable' ? channels.reliable : channels.unreliable),
    createOffer: notNegotiated,
    createAnswer: notNegotiated,
    setLocalDescription: notNegotiated,
    setRemoteDescription: notNegotiated,
    addIceCandidate: notNegotiated,
    close: () => socket.close(1000),
    onicecandidate: null,
    ondatachannel: null,
    onconnectionstatechange: null,
  };
  return connection;
}
