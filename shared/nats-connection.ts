// A process's connection to NATS (a coordinator's shared state, a comm
// server's backbone): the servers, credentials and TLS of the command line;
// reconnection with capped exponential backoff for as long as the process
// runs; whether it is up, for /readyz and /metrics.
import { readFileSync } from 'node:fs';
import { connect, credsAuthenticator, type NatsConnection, type NodeConnectionOptions } from '@nats-io/transport-node';
import { BrokerError } from './errors.js';
import type { Logger } from './log.js';

/** Longest wait for what was published to leave when closing. */
const DRAIN_MS = 2_000;

export class NatsUnavailable extends BrokerError<'NATS_UNREACHABLE' | 'JETSTREAM_UNAVAILABLE'> {}

/** Where NATS is and how to authenticate to it. */
export interface NatsServerSettings {
  /** nats://HOST:PORT or tls://HOST:PORT, one or more servers of one NATS cluster. */
  servers: readonly string[];
  /** A .creds file (JWT and NKey seed). */
  credsFile?: string;
  user?: string;
  password?: string;
  /** CA certificate(s) that sign the NATS servers' certificates (TLS). */
  tlsCaFile?: string;
}

export interface NatsConnectionOptions extends NatsServerSettings {
  /** How this connection is named on the NATS server (its monitoring). */
  name: string;
  /** Not to receive what this connection publishes itself on the subjects it subscribes to. */
  noEcho?: boolean;
  /** How long the first connection may take before start fails. */
  connectTimeoutMs: number;
  /** Backoff between reconnection rounds: from min, doubling to max, jittered. */
  reconnectMinMs: number;
  reconnectMaxMs: number;
  logger: Logger;
}

/** What /metrics shows of the connection. */
export interface NatsConnectionState {
  connected: boolean;
  /** Times the connection was lost, and got back. */
  disconnects: number;
  reconnects: number;
}

export class ReconnectingNats {
  readonly connection: NatsConnection;
  readonly state: NatsConnectionState = { connected: true, disconnects: 0, reconnects: 0 };
  readonly #logger: Logger;
  readonly #listeners = new Set<(connected: boolean) => void>();
  readonly #watching: Promise<void>;

  private constructor(connection: NatsConnection, logger: Logger, resetBackoff: () => void) {
    this.connection = connection;
    this.#logger = logger;
    this.#watching = this.#watch(resetBackoff);
  }

  /** Connects, or fails with NatsUnavailable naming the servers. */
  static async connect(options: NatsConnectionOptions): Promise<ReconnectingNats> {
    const backoff = exponentialBackoff(options.reconnectMinMs, options.reconnectMaxMs);
    const connectionOptions: NodeConnectionOptions = {
      servers: [...options.servers],
      name: options.name,
      noEcho: options.noEcho ?? false,
      timeout: options.connectTimeoutMs,
      maxReconnectAttempts: -1,
      reconnectDelayHandler: backoff.next,
      ...(options.user !== undefined ? { user: options.user, pass: options.password } : {}),
      ...(options.credsFile !== undefined ? { authenticator: credsAuthenticator(readFileSync(options.credsFile)) } : {}),
      ...(options.tlsCaFile !== undefined ? { tls: { caFile: options.tlsCaFile } } : {}),
    };
    let connection: NatsConnection;
    try {
      connection = await connect(connectionOptions);
    } catch (error) {
      throw new NatsUnavailable('NATS_UNREACHABLE', `cannot connect to NATS at ${options.servers.join(', ')}: ${(error as Error).message}`, { cause: error });
    }
    options.logger.info({ server: connection.getServer() }, 'connected to NATS');
    return new ReconnectingNats(connection, options.logger, backoff.reset);
  }

  get connected(): boolean {
    return this.state.connected;
  }

  /** Calls `listener` each time the connection is lost (false) or back (true). */
  onChange(listener: (connected: boolean) => void): void {
    this.#listeners.add(listener);
  }

  /** Flushes what was published (for at most DRAIN_MS, and only while connected), then closes. */
  async close(): Promise<void> {
    this.#listeners.clear();
    if (!this.connection.isClosed()) {
      let timer: NodeJS.Timeout | undefined;
      const drained = this.state.connected ? this.connection.drain() : Promise.resolve();
      await Promise.race([drained, new Promise((resolve) => (timer = setTimeout(resolve, DRAIN_MS)))]).catch(() => undefined);
      clearTimeout(timer);
      if (!this.connection.isClosed()) await this.connection.close().catch(() => undefined);
    }
    await this.#watching;
  }

  async #watch(resetBackoff: () => void): Promise<void> {
    for await (const status of this.connection.status()) {
      switch (status.type) {
        case 'disconnect':
          this.state.connected = false;
          this.state.disconnects++;
          this.#logger.warn({ server: status.server }, 'lost NATS, reconnecting');
          for (const listener of this.#listeners) listener(false);
          break;
        case 'reconnect':
          this.state.connected = true;
          this.state.reconnects++;
          resetBackoff();
          this.#logger.info({ server: status.server }, 'reconnected to NATS');
          for (const listener of this.#listeners) listener(true);
          break;
        case 'error':
          this.#logger.warn({ err: status.error.message }, 'NATS error');
          break;
        case 'slowConsumer':
          this.#logger.warn({ subject: status.sub.getSubject(), pending: status.pending }, 'NATS subscription too slow, messages dropped');
          break;
        default:
      }
    }
    this.state.connected = false;
  }
}

/** Delays from min doubling to max, each between half and all of its step; reset once connected again. */
function exponentialBackoff(minMs: number, maxMs: number): { next: () => number; reset: () => void } {
  let step = minMs;
  return {
    next: () => {
      const delay = step * (0.5 + Math.random() / 2);
      step = Math.min(maxMs, step * 2);
      return delay;
    },
    reset: () => {
      step = minMs;
    },
  };
}
