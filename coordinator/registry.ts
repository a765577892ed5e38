// The live peers of a coordinator, by alias, in registration order. Servers
// and clients are kept apart: every client's WELCOME needs the server list,
// which must not cost a walk over thousands of clients.
import type { WebSocket } from 'ws';
import { Role } from '../shared/codec.js';

/** What the selector and event listeners see of a peer. */
export interface PeerInfo {
  readonly alias: number;
  readonly role: Role;
}

export interface Peer extends PeerInfo {
  readonly socket: WebSocket;
  /** A comm server's stable identity (`server_id` on /discover), if it gave one. */
  readonly serverId?: string;
  /** A comm server's WebSocket URL for fallback clients (`ws_url` on /discover), if it has one. */
  readonly webSocketUrl?: string;
}

export function isServerRole(role: Role): boolean {
  return role === Role.COMMUNICATION_SERVER || role === Role.COMMUNICATION_SERVER_HUB;
}

export class Registry {
  readonly #servers = new Map<number, Peer>();
  readonly #clients = new Map<number, Peer>();

  add(peer: Peer): void {
    (isServerRole(peer.role) ? this.#servers : this.#clients).set(peer.alias, peer);
  }

  /** Returns the removed peer, or undefined if the alias was not registered. */
  remove(alias: number): Peer | undefined {
    const peer = this.get(alias);
    this.#servers.delete(alias);
    this.#clients.delete(alias);
    return peer;
  }

  get(alias: number): Peer | undefined {
    return this.#servers.get(alias) ?? this.#clients.get(alias);
  }

  /** Comm servers and hubs, oldest first. */
  servers(): Peer[] {
    return [...this.#servers.values()];
  }

  clients(): Peer[] {
    return [...this.#clients.values()];
  }

  all(): Peer[] {
    return [...this.#servers.values(), ...this.#clients.values()];
  }

  get serverCount(): number {
    return this.#servers.size;
  }

  get clientCount(): number {
    return this.#clients.size;
  }
}
