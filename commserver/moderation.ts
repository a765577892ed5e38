// Kicks and bans on a comm server (the `moderation` extension,
// docs/PROTOCOL.md): a KICK from the coordinator closes the client it names
// by alias and every client of the identity it names, and may ban that
// identity for a while; admission asks whether an identity is banned.
import { Bans } from '../shared/bans.js';
import type { KickMessage } from '../shared/codec.js';
import type { Logger } from '../shared/log.js';
import type { Peer } from './peer.js';

export interface ModerationOptions {
  maxBans: number;
  /** Every peer of the server, admitted or not. */
  peers: () => Iterable<Peer>;
  /** Closes a client as kicked. */
  kick: (peer: Peer) => void;
  logger: Logger;
}

/** What a KICK did: the clients closed, and the identity of the one named by alias (empty if none). */
export interface KickDone {
  closed: number;
  identity: Uint8Array;
}

export class Moderation {
  readonly #options: ModerationOptions;
  readonly #bans: Bans;

  constructor(options: ModerationOptions) {
    this.#options = options;
    this.#bans = new Bans({ maxBans: options.maxBans });
  }

  /** Identities banned at the moment. */
  get bans(): number {
    return this.#bans.size;
  }

  isBanned(identity: Uint8Array): boolean {
    return this.#bans.bannedUntil(identity) !== undefined;
  }

  kick({ alias, identity, banMs }: KickMessage): KickDone {
    const done: KickDone = { closed: 0, identity: new Uint8Array(0) };
    // The ban first: a client of that identity whose AUTH is being checked now is refused, not admitted after the kick.
    if (banMs > 0 && identity.length > 0 && this.#bans.ban(identity, banMs) === undefined) {
      this.#options.logger.warn({ maxBans: this.#options.maxBans }, 'ban not applied: the ban list is full');
    }
    const kicked: Peer[] = [];
    for (const peer of this.#options.peers()) {
      if (peer.isServer || peer.closed) continue;
      const byAlias = alias > 0 && peer.alias === alias;
      const byIdentity = identity.length > 0 && peer.authenticated && sameBytes(peer.identity, identity);
      if (byAlias) done.identity = peer.identity;
      if (byAlias || byIdentity) kicked.push(peer);
    }
    for (const peer of kicked) this.#options.kick(peer);
    done.closed = kicked.length;
    this.#options.logger.info({ alias: alias || undefined, closed: done.closed, banMs: banMs || undefined }, 'kick');
    return done;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
