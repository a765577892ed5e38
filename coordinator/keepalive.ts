// Keepalive: every pingIntervalMs each tracked socket is pinged, and one
// silent for idleTimeoutMs (no message, no pong) is terminated. One timer for
// all sockets, so a peer is dropped between idleTimeoutMs and
// idleTimeoutMs + pingIntervalMs after it fell silent.
import type { WebSocket } from 'ws';

export interface KeepaliveOptions {
  pingIntervalMs: number;
  idleTimeoutMs: number;
  /** Called just before an idle socket is terminated. */
  onIdle: (socket: WebSocket) => void;
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
}

export class Keepalive {
  readonly #lastActivity = new Map<WebSocket, number>();
  readonly #options: KeepaliveOptions;
  readonly #now: () => number;
  readonly #timer: NodeJS.Timeout;

  constructor(options: KeepaliveOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#timer = setInterval(() => this.#check(), options.pingIntervalMs);
    this.#timer.unref();
  }

  /** Watches `socket` until it closes. */
  track(socket: WebSocket): void {
    const touch = () => this.#lastActivity.set(socket, this.#now());
    touch();
    socket.on('message', touch);
    socket.on('pong', touch);
    socket.once('close', () => this.#lastActivity.delete(socket));
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  #check(): void {
    const now = this.#now();
    for (const [socket, lastActivity] of this.#lastActivity) {
      if (now - lastActivity >= this.#options.idleTimeoutMs) {
        this.#lastActivity.delete(socket);
        this.#options.onIdle(socket);
        socket.terminate();
      } else if (socket.readyState === socket.OPEN) {
        socket.ping();
      }
    }
  }
}
