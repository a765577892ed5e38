// The live peers of a coordinator, by alias, in registration order. Servers
// and clients are kept apart: every client's WELCOME needs the server list,
// which must not cost a walk over thousands of clients.
import type { WebSocket } from 'ws';
import { isServerRole, type Role } from '../shared/codec.js';

/** What the selector and event listeners see of a peer. */
export interface PeerInfo {
  readonly alias: number;
  readonly role: Role;
}

export interface RegisteredPeer extends PeerInfo {
  readonly socket: WebSocket;
  /** A comm server's stable identity (`server_id` on /discover), if it gave one. */
  readonly serverId?: string;
  /** A comm server's WebSocket URL for fallback clients (`ws_url` on /discover), if it has one. */
  readonly webSocketUrl?: string;
  /** A comm server's extensions (`extensions` on /discover): `moderation` when it understands KICK. */
  readonly extensions?: ReadonlySet<string>;
  /** A client's identity, when the upgrade authenticator gave one. */
  readonly identity?: Uint8Array;
  /** The comm server a client was given in its WELCOME, if any. */
  readonly server?: number;
}

export class Registry {
  readonly #servers = new Map<number, RegisteredPeer>();
  readonly #clients = new Map<number, RegisteredPeer>();

  add(peer: RegisteredPeer): void {
    (isServerRole(peer.role) ? this.#servers : this.#clients).set(peer.alias, peer);
  }

  /** Returns the removed peer, or undefined if the alias was not registered. */
  remove(alias: number): RegisteredPeer | undefined {
    const peer = this.get(alias);
    this.#servers.delete(alias);
    this.#clients.delete(alias);
    return peer;
  }

  get(alias: number): RegisteredPeer | undefined {
    return this.#servers.get(alias) ?? this.#clients.get(alias);
  }

  /** Comm servers and hubs, oldest first. */
  servers(): RegisteredPeer[] {
    return [...this.#servers.values()];
  }

  clients(): RegisteredPeer[] {
    return [...this.#clients.values()];
  }

  all(): RegisteredPeer[] {
    return [...this.#servers.values(), ...this.#clients.values()];
  }

  get serverCount(): number {
    return this.#servers.size;
  }

  get clientCount(): number {
    return this.#clients.size;
  }
}
