// The comm server's WebSocket to the coordinator's /discover endpoint. It
// reconnects with capped exponential backoff for as long as the server runs;
// while it is down, established data channels keep working. Given several
// coordinators (of one cluster), it moves to the next one in the list
// whenever an attempt fails or its coordinator goes away.
import { EventEmitter } from 'node:events';
import pRetry from 'p-retry';
import WebSocket from 'ws';
import { MessageType, Role, Welcome, peekType, type WelcomeMessage } from '../shared/codec.js';
import type { Logger } from '../shared/log.js';

export interface CoordinatorLinkOptions {
  /** Base URLs of the coordinators, e.g. ws://127.0.0.1:9090, tried in turn from the first. */
  coordinatorUrls: readonly string[];
  role: Role;
  /** Credentials for the upgrade, fetched anew on every attempt (they may expire). */
  query: () => Record<string, string>;
  retryMinMs: number;
  retryMaxMs: number;
  /** An attempt whose upgrade has not completed by then fails. */
  connectTimeoutMs: number;
  maxFrameBytes: number;
  logger: Logger;
}

interface CoordinatorLinkEvents {
  welcome: [WelcomeMessage];
  /** A signaling frame (anything but WELCOME) and its type. */
  signal: [MessageType, Uint8Array];
  up: [];
  down: [];
}

export class CoordinatorLink extends EventEmitter<CoordinatorLinkEvents> {
  #options: CoordinatorLinkOptions;
  #socket: WebSocket | undefined;
  #stopping = new AbortController();
  #running: Promise<void> | undefined;
  /** Which of the coordinators is tried next or linked. */
  #index = 0;

  constructor(options: CoordinatorLinkOptions) {
    super();
    if (options.coordinatorUrls.length === 0) throw new TypeError('no coordinator URL');
    this.#options = options;
  }

  /** The coordinator linked, or tried next. */
  get coordinatorUrl(): string {
    return this.#options.coordinatorUrls[this.#index]!;
  }

  #moveOn(): void {
    this.#index = (this.#index + 1) % this.#options.coordinatorUrls.length;
  }

  get connected(): boolean {
    return this.#socket?.readyState === WebSocket.OPEN;
  }

  start(): void {
    this.#running ??= this.#runForever();
  }

  /** Sends a frame if the link is up; signaling to an unreachable coordinator is dropped (the peer times out). */
  send(frame: Uint8Array): boolean {
    if (!this.connected) return false;
    this.#socket!.send(frame);
    return true;
  }

  async close(): Promise<void> {
    this.#stopping.abort();
    this.#socket?.close(1001, 'comm server stopping');
    await this.#running?.catch(() => undefined);
  }

  async #runForever(): Promise<void> {
    const { signal } = this.#stopping;
    const { logger, retryMinMs, retryMaxMs } = this.#options;
    while (!signal.aborted) {
      try {
        const socket = await pRetry(() => this.#connectOnce(), {
          retries: Number.POSITIVE_INFINITY,
          minTimeout: retryMinMs,
          maxTimeout: retryMaxMs,
          randomize: true,
          signal,
          // Every failed attempt is a warning: an attempt lasts at most connectTimeoutMs and the
          // backoff is capped at retryMaxMs, so an operator sees the server still trying at
          // least every 10 s with the defaults, even when the coordinator never answers.
          onFailedAttempt: ({ error, attemptNumber }) => {
            logger.warn({ err: error.message, attempt: attemptNumber, coordinator: this.coordinatorUrl }, 'coordinator unreachable, retrying');
            this.#moveOn();
          },
        });
        await this.#serve(socket);
      } catch (error) {
        if (!signal.aborted) logger.error({ err: error }, 'coordinator link failed');
      }
    }
  }

  #connectOnce(): Promise<WebSocket> {
    const { role, query, maxFrameBytes, connectTimeoutMs } = this.#options;
    const url = new URL('/discover', this.coordinatorUrl);
    url.searchParams.set('role', Role[role]);
    for (const [key, value] of Object.entries(query())) url.searchParams.set(key, value);
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { maxPayload: maxFrameBytes, handshakeTimeout: connectTimeoutMs });
      socket.on('message', this.#onMessage);
      const fail = (error: Error) => {
        socket.removeAllListeners();
        socket.on('error', () => undefined);
        socket.terminate();
        reject(error);
      };
      socket.once('open', () => {
        socket.removeListener('error', fail);
        this.#socket = socket;
        resolve(socket);
      });
      socket.once('error', fail);
      socket.once('unexpected-response', (_request, response) => {
        fail(new Error(`coordinator refused the upgrade: HTTP ${response.statusCode}`));
      });
    });
  }

  #serve(socket: WebSocket): Promise<void> {
    const { logger } = this.#options;
    this.emit('up');
    logger.info({ coordinator: this.coordinatorUrl }, 'linked to the coordinator');
    return new Promise((resolve) => {
      socket.on('error', (error) => logger.debug({ err: error.message }, 'coordinator socket error'));
      socket.once('close', (code) => {
        this.#socket = undefined;
        if (!this.#stopping.signal.aborted) logger.warn({ code, coordinator: this.coordinatorUrl }, 'lost the coordinator, reconnecting');
        this.#moveOn();
        this.emit('down');
        resolve();
      });
    });
  }

  /** Attached before the socket opens: WELCOME can arrive in the same read as the upgrade response. */
  #onMessage = (data: WebSocket.RawData, isBinary: boolean): void => {
    if (!isBinary) return;
    const frame = data as Buffer;
    try {
      const type = peekType(frame);
      if (type === MessageType.WELCOME) this.emit('welcome', Welcome.decode(frame));
      else this.emit('signal', type, frame);
    } catch (error) {
      this.#options.logger.debug({ err: (error as Error).message }, 'undecodable frame from the coordinator');
    }
  };
}
