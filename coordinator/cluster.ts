// What coordinators that run together share, behind one interface: alias
// allocation, the registry of comm servers (all of them, wherever they are
// attached), and the signaling relay to peers attached to another
// coordinator. A coordinator without one is alone, all in memory (the
// default); coordinator/nats/ shares it over NATS.
import type { EventEmitter } from 'node:events';
import type { PeerInfo } from './registry.js';

/** A comm server as every coordinator of the cluster sees it. */
export interface ClusterServer extends PeerInfo {
  readonly serverId?: string;
  readonly webSocketUrl?: string;
  /** Its place in the registration order: a server links to the servers registered before it. */
  readonly order: number;
}

/** A comm server attached to this coordinator, as it registers. */
export interface AttachingServer extends PeerInfo {
  readonly serverId?: string;
  readonly webSocketUrl?: string;
}

export interface CoordinatorClusterEvents {
  /** A signaling frame (from_alias stamped by the sender's coordinator) for `toAlias`, a peer that may be attached here. */
  signal: [toAlias: number, frame: Uint8Array];
  /** A comm server registered, here or with another coordinator (or registered again under a new alias). */
  serverAdded: [server: ClusterServer];
}

export interface CoordinatorCluster extends EventEmitter<CoordinatorClusterEvents> {
  /** An alias no coordinator of the cluster gave out or will; throws an AliasError when none is at hand. */
  nextAlias(): number;
  /** Every registered comm server of the cluster, in registration order. */
  servers(): ClusterServer[];
  /** Registers a comm server attached here (refreshed while attached); resolves with its place in the registration order. */
  attachServer(server: AttachingServer): Promise<number>;
  /** A comm server attached here left. */
  detachServer(server: AttachingServer): void;
  /**
   * Sends a signaling frame to `toAlias`, a peer attached to another
   * coordinator; false when it cannot go (no route, the shared engine
   * unreachable): the caller drops it.
   */
  forward(toAlias: number, frame: Uint8Array): boolean;
  /** Whether the shared state is reachable (for /readyz), and what to say about it. */
  readiness(): { ready: boolean; detail: Record<string, unknown> };
  close(): Promise<void>;
}
