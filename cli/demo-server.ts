// The demo page's static HTTP server: demo/ at `/`, the browser bundle
// (dist/browser/) at `/lib/`, and `/config.json` telling the page where the
// coordinator is. GET and HEAD only; anything outside those folders is a 404.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this file runs from dist/cli/. */
const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

export interface DemoServerOptions {
  /** The coordinator URL the page connects to (served in /config.json). */
  coordinatorUrl: string;
  host?: string;
  /** TCP port; 0 picks a free one. */
  port: number;
  /** Folder served at `/`. Default: the package's demo/. */
  demoDir?: string;
  /** Folder served at `/lib/`. Default: the package's dist/browser/. */
  bundleDir?: string;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

export class DemoServer {
  readonly #server: Server;
  readonly url: string;

  private constructor(server: Server, url: string) {
    this.#server = server;
    this.url = url;
  }

  static async start(options: DemoServerOptions): Promise<DemoServer> {
    const host = options.host ?? '127.0.0.1';
    const demoDir = resolve(options.demoDir ?? resolve(packageRoot, 'demo'));
    const bundleDir = resolve(options.bundleDir ?? resolve(packageRoot, 'dist', 'browser'));
    const config = JSON.stringify({ coordinatorUrl: options.coordinatorUrl });
    const server = createServer((request, response) => {
      handle(request, response, { demoDir, bundleDir, config }).catch(() => {
        if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
        else response.destroy();
      });
    });
    server.listen(options.port, host);
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    return new DemoServer(server, `http://${host.includes(':') ? `[${host}]` : host}:${port}/`);
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((done) => this.#server.close(() => done()));
  }
}

interface Routes { demoDir: string; bundleDir: string; config: string }

async function handle(request: IncomingMessage, response: ServerResponse, routes: Routes): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    return;
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://demo').pathname);
  } catch {
    send(response, 400, 'text/plain; charset=utf-8', 'bad request\n');
    return;
  }
  if (pathname === '/config.json') {
    send(response, 200, contentTypes['.json'], routes.config, request.method === 'HEAD');
    return;
  }
  const file = pathname.startsWith('/lib/')
    ? inside(routes.bundleDir, pathname.slice('/lib/'.length))
    : inside(routes.demoDir, pathname === '/' ? 'index.html' : pathname.slice(1));
  const type = file && contentTypes[extname(file)];
  if (!file || !type || !(await isFile(file))) {
    send(response, 404, 'text/plain; charset=utf-8', 'not found\n');
    return;
  }
  send(response, 200, type, await readFile(file), request.method === 'HEAD');
}

/** `relative` resolved inside `root`, or undefined if it would leave it. */
function inside(root: string, relative: string): string | undefined {
  if (relative.includes('\0') || relative.includes('\\')) return undefined;
  const file = resolve(root, relative);
  return file.startsWith(root + sep) ? file : undefined;
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, headOnly = false): void {
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  response.end(headOnly ? undefined : body);
}

/** `broker cluster`'s demo flags. */
export const demoFlags = {
  demo: { type: 'boolean', default: true, description: 'Serve the demo page (--no-demo: do not)' },
  'demo-port': {
    type: 'number',
    description: "Demo page's TCP port on 127.0.0.1 (default: the port after the last coordinator's; 0 picks a free one)",
  },
} as const;

/** The demo page's port: --demo-port, else the port after `coordinatorPort`, the last coordinator's (0 if that is 0). */
export function demoPortOf(demoPort: number | undefined, coordinatorPort: number): number {
  const port = demoPort ?? (coordinatorPort === 0 ? 0 : coordinatorPort + 1);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--demo-port must be an integer from 0 to 65535, got ${String(port)}`);
  }
  return port;
}
