// Test peers: real `ws` clients that queue every frame they receive, so a test
// awaits the next message instead of sleeping.
import type { TestContext } from 'node:test';
import { WebSocket, type ClientOptions } from 'ws';
import { Welcome, type WelcomeMessage } from '../../shared/codec.js';
import { silentLogger } from '../../shared/log.js';
import { Coordinator, type CoordinatorOptions } from '../../coordinator/index.js';

/**
 * Starts a coordinator on a free loopback port. With a test context it is
 * closed when that test ends, pass or fail; a suite closes its own in `after`.
 */
export async function startCoordinator(
  context: TestContext | undefined,
  options: Partial<CoordinatorOptions> = {},
): Promise<Coordinator> {
  const coordinator = await Coordinator.start({ host: '127.0.0.1', port: 0, logger: silentLogger(), ...options });
  context?.after(() => coordinator.close());
  return coordinator;
}

export interface CloseInfo { code: number; reason: string }

export class TestPeer {
  readonly ws: WebSocket;
  /** Resolves when the socket closes, with the close code. */
  readonly closed: Promise<CloseInfo>;
  readonly #frames: Buffer[] = [];
  readonly #waiters: { resolve: (frame: Buffer) => void; reject: (error: Error) => void }[] = [];
  #closeInfo: CloseInfo | undefined;

  constructor(url: string, options?: ClientOptions) {
    this.ws = new WebSocket(url, options);
    this.ws.on('error', () => {});
    this.ws.on('message', (data: Buffer) => {
      const waiter = this.#waiters.shift();
      if (waiter) waiter.resolve(data);
      else this.#frames.push(data);
    });
    this.closed = new Promise((resolve) => {
      this.ws.once('close', (code, reason) => {
        this.#closeInfo = { code, reason: reason.toString() };
        for (const waiter of this.#waiters.splice(0)) waiter.reject(new Error(`socket closed (${code})`));
        resolve(this.#closeInfo);
      });
    });
  }

  /** The next binary frame received; rejects if the socket closes first. */
  nextFrame(): Promise<Buffer> {
    const frame = this.#frames.shift();
    if (frame) return Promise.resolve(frame);
    if (this.#closeInfo) return Promise.reject(new Error(`socket closed (${this.#closeInfo.code})`));
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  send(frame: Uint8Array | string): void {
    this.ws.send(frame);
  }

  close(): Promise<CloseInfo> {
    this.ws.close(1000);
    return this.closed;
  }
}

export interface WelcomedPeer { peer: TestPeer; welcome: WelcomeMessage; alias: number }

async function welcomed(url: string, options?: ClientOptions): Promise<WelcomedPeer> {
  const peer = new TestPeer(url, options);
  const welcome = Welcome.decode(await peer.nextFrame());
  return { peer, welcome, alias: welcome.alias };
}

export interface ConnectOptions {
  /** Extra query parameters (credentials). */
  query?: Record<string, string>;
  ws?: ClientOptions;
}

export function connectClient(coordinator: Coordinator, options: ConnectOptions = {}): Promise<WelcomedPeer> {
  const query = new URLSearchParams(options.query).toString();
  return welcomed(`${coordinator.url}/connect${query ? `?${query}` : ''}`, options.ws);
}

export function connectServer(
  coordinator: Coordinator,
  options: ConnectOptions & { role?: string } = {},
): Promise<WelcomedPeer> {
  const query = new URLSearchParams({ role: options.role ?? 'COMMUNICATION_SERVER', ...options.query });
  return welcomed(`${coordinator.url}/discover?${query}`, options.ws);
}

/** The HTTP status with which the coordinator refuses an upgrade of `path`. */
export function refusedUpgradeStatus(coordinator: Coordinator, path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${coordinator.url}${path}`);
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      ws.terminate();
      reject(new Error(`upgrade of ${path} was accepted`));
    });
    ws.on('error', reject);
  });
}

/** Resolves with the next peerRemoved event for `alias`. */
export function peerRemoved(coordinator: Coordinator, alias: number): Promise<void> {
  return new Promise((resolve) => {
    const listener = (peer: { alias: number }) => {
      if (peer.alias !== alias) return;
      coordinator.off('peerRemoved', listener);
      resolve();
    };
    coordinator.on('peerRemoved', listener);
  });
}

export function sorted(values: number[]): number[] {
  return [...values].sort((a, b) => a - b);
}
