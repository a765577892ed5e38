// The comm server's WebSocket endpoint for clients that cannot use WebRTC
// (UDP blocked, no TURN). Such a client connects to `ws://host:port/?alias=N`
// with the alias its WELCOME gave it and then speaks the same messages, AUTH
// first; the server treats it as any other client.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { PeerConnectionLike } from '../shared/rtc.js';
import { webSocketChannels, type MessageSocket } from '../shared/websocket-channel.js';

export interface WebSocketEndpointOptions {
  host: string;
  port: number;
  maxPayload: number;
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
    const http = createServer((_request, response) => {
      response.writeHead(426, { 'content-type': 'text/plain' });
      response.end('WebSocket only\n');
    });
    const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
    http.on('upgrade', (request: IncomingMessage, socket, head) => {
      const alias = aliasOf(request);
      if (alias === undefined || !options.accept(alias)) {
        socket.end(`HTTP/1.1 ${alias === undefined ? '400 Bad Request' : '409 Conflict'}\r\nConnection: close\r\n\r\n`);
        return;
      }
      sockets.handleUpgrade(request, socket, head, (webSocket) => options.onClient(alias, webSocketConnection(webSocket)));
    });
    http.listen(options.port, options.host);
    await once(http, 'listening');
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
