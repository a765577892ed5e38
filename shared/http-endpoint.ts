// The operations HTTP port of a process: /healthz, /readyz, /metrics and
// /stats, and the routes a process adds (the coordinator's admin API).
// Separate from the traffic ports, off the data path. An unknown path is 404
// whatever the method; a known one asked with another method, 405.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { listenHttp } from './http-listen.js';
import type { Logger } from './log.js';

export interface Readiness {
  ready: boolean;
  /** Why not, or what is up, for humans. */
  detail: Record<string, unknown>;
}

/** A route a process adds: its method, and what answers it (errors it throws become 500). */
export interface HttpRoute {
  method: string;
  handle: (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;
}

export interface HttpEndpointOptions {
  host: string;
  port: number;
  metrics: Registry;
  readiness: () => Readiness;
  stats: () => unknown;
  logger: Logger;
  /** More routes, by path. */
  routes?: ReadonlyMap<string, HttpRoute>;
}

const BUILT_IN = new Set(['/healthz', '/readyz', '/stats', '/metrics']);

export class HttpEndpoint {
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(options: HttpEndpointOptions): Promise<HttpEndpoint> {
    const server = createServer((request, response) => {
      const json = (status: number, body: unknown) => {
        // These answers never read a body: a client must not send its next request after one it sent.
        if (hasBody(request)) response.setHeader('connection', 'close');
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      const path = pathOf(request);
      if (path === undefined) return json(400, { error: 'bad request target' });
      const route = options.routes?.get(path);
      if (route !== undefined) {
        if (request.method !== route.method) {
          response.setHeader('allow', route.method);
          return json(405, { error: 'method not allowed' });
        }
        Promise.resolve().then(() => route.handle(request, response)).catch((error: Error) => {
          options.logger.warn({ err: error, path }, 'HTTP route failed');
          if (!response.headersSent) json(500, { error: 'internal error' });
          else response.destroy();
        });
        return;
      }
      if (!BUILT_IN.has(path)) return json(404, { error: 'not found' });
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('allow', 'GET, HEAD');
        return json(405, { error: 'method not allowed' });
      }
      switch (path) {
        case '/healthz':
          return json(200, { ok: true });
        case '/readyz': {
          const { ready, detail } = options.readiness();
          return json(ready ? 200 : 503, { ready, ...detail });
        }
        case '/stats':
          return json(200, options.stats());
        case '/metrics':
          options.metrics.metrics().then((text) => {
            response.writeHead(200, { 'content-type': options.metrics.contentType });
            response.end(text);
          }, (error: Error) => json(500, { error: error.message }));
      }
    });
    await listenHttp(server, options.port, options.host, options.logger);
    return new HttpEndpoint(server);
  }

  get url(): string {
    const { address, port } = this.#server.address() as AddressInfo;
    return `http://${address.includes(':') ? `[${address}]` : address}:${port}`;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    this.#server.close();
    await once(this.#server, 'close');
  }
}

function hasBody(request: IncomingMessage): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

function pathOf(request: IncomingMessage): string | undefined {
  try {
    return new URL(request.url ?? '/', 'http://localhost').pathname;
  } catch {
    return undefined;
  }
}
