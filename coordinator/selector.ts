// Which servers a new comm server links to, and which server a client gets.
import { Role } from '../shared/codec.js';
import type { PeerInfo } from './registry.js';

export interface ServerSelector {
  /**
   * The aliases the new server must CONNECT to. `registeredServers` are the
   * other live servers, oldest first; the new server is not among them.
   */
  serversToLinkFor(newServer: PeerInfo, registeredServers: readonly PeerInfo[]): number[];
  /** The server a new client should connect to, or undefined if none fits. */
  serverForClient(registeredServers: readonly PeerInfo[]): number | undefined;
}

/** A source of uniform numbers in [0, 1), injectable so tests can pin choices. */
export type RandomSource = () => number;

function pickRandom(servers: readonly PeerInfo[], random: RandomSource): number | undefined {
  if (servers.length === 0) return undefined;
  return servers[Math.floor(random() * servers.length)].alias;
}

const isHub = (server: PeerInfo) => server.role === Role.COMMUNICATION_SERVER_HUB;

/**
 * The original's policy and our default: every server links to every other
 * (a full mesh), and a client gets a server chosen uniformly at random.
 * Roles are not distinguished: a hub is just another server here.
 */
export function fullMeshSelector(random: RandomSource = Math.random): ServerSelector {
  return {
    serversToLinkFor: (_newServer, registeredServers) => registeredServers.map((server) => server.alias),
    serverForClient: (registeredServers) => pickRandom(registeredServers, random),
  };
}

/**
 * Servers link only to the hub (a server registered with role
 * COMMUNICATION_SERVER_HUB), which relays topics between them.
 *
 * - A plain server links to every registered hub; with none registered yet it
 *   links to nobody.
 * - A hub links to every plain server already registered: those that joined
 *   before it had no hub to link to. So the star forms whatever the order.
 * - Hubs never link to each other. Run one hub: with several, a plain server
 *   links to all of them and each relays its topics, so messages arrive twice.
 * - Clients get a plain server chosen at random, never a hub; if only hubs
 *   are registered a client gets no server.
 * - The coordinator does not tell servers when the hub leaves; a replacement
 *   hub links to them when it registers.
 */
export function starSelector(random: RandomSource = Math.random): ServerSelector {
  return {
    serversToLinkFor: (newServer, registeredServers) =>
      registeredServers.filter((server) => isHub(server) !== isHub(newServer)).map((server) => server.alias),
    serverForClient: (registeredServers) =>
      pickRandom(registeredServers.filter((server) => !isHub(server)), random),
  };
}
