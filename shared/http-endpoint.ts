// The operations HTTP port of a process: /healthz, /readyz, /metrics and
// /stats. Separate from the traffic ports, off the data path.
import { createServer, type Server } from 'node:http';
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

export interface HttpEndpointOptions {
  host: string;
  port: number;
  metrics: Registry;
  readiness: () => Readiness;
  stats: () => unknown;
  logger: Logger;
}

export class HttpEndpoint {
  readonly #server: Server;

  private constructor(server: Server) {
    this.#server = server;
  }

  static async start(options: HttpEndpointOptions): Promise<HttpEndpoint> {
    const server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://localhost').pathname;
      const json = (status: number, body: unknown) => {
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(JSON.stringify(body));
      };
      if (request.method !== 'GET' && request.method !== 'HEAD') return json(405, { error: 'method not allowed' });
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
          return;
        default:
          return json(404, { error: 'not found' });
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
