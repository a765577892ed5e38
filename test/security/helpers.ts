// A secured in-process cluster for the security tests: a real coordinator and
// real comm servers on 127.0.0.1, each configured as a test needs.
import { once } from 'node:events';
import type { TestContext } from 'node:test';
import { BrokerClient, type BrokerClientOptions } from '../../client/index.js';
import { CommServer, type CommServerOptions } from '../../commserver/index.js';
import { Coordinator, type CoordinatorOptions } from '../../coordinator/index.js';
import type { BrokerClientError } from '../../client/errors.js';
import { WebSocket } from 'ws';
import { silentLogger } from '../../shared/log.js';

export async function coordinatorFor(t: TestContext, options: Partial<CoordinatorOptions> = {}): Promise<Coordinator> {
  const coordinator = await Coordinator.start({ port: 0, logger: silentLogger(), ...options });
  t.after(() => coordinator.close());
  return coordinator;
}

/** A started comm server, closed after the test; resolves once it is registered with the coordinator. */
export async function serverFor(t: TestContext, coordinator: Coordinator, options: Partial<CommServerOptions> = {}): Promise<CommServer> {
  const server = new CommServer({ coordinatorUrl: coordinator.url, ...options });
  t.after(() => server.close());
  const registered = once(server, 'registered');
  server.start();
  await registered;
  return server;
}

export async function clientFor(t: TestContext, coordinator: Coordinator, options: Partial<BrokerClientOptions> = {}): Promise<BrokerClient> {
  const client = await BrokerClient.connect({ coordinatorUrl: coordinator.url, heartbeatIntervalMs: 0, ...options });
  t.after(() => client.close());
  return client;
}

/** The error a client's connect fails with; throws if it connects. */
export async function connectError(coordinator: Coordinator, options: Partial<BrokerClientOptions> = {}): Promise<BrokerClientError> {
  try {
    const client = await BrokerClient.connect({ coordinatorUrl: coordinator.url, heartbeatIntervalMs: 0, ...options });
    client.close();
  } catch (error) {
    return error as BrokerClientError;
  }
  throw new Error('the client was admitted');
}

/** Resolves with the next `event` of `emitter` whose arguments pass `match`. */
export function nextEvent<T extends unknown[]>(
  emitter: { on(event: string, listener: (...args: T) => void): unknown; off(event: string, listener: (...args: T) => void): unknown },
  event: string,
  match: (...args: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (...args: T) => {
      if (!match(...args)) return;
      emitter.off(event, listener);
      resolve(args);
    };
    emitter.on(event, listener);
  });
}

/** The HTTP status of a WebSocket upgrade: 101 when accepted. */
export function upgradeStatus(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => {
      ws.terminate();
      resolve(101);
    });
    ws.on('error', reject);
  });
}
