// The AUTH gate: AUTH must be the first message on `reliable`, and claim the
// role the coordinator says the peer registered with (a client may not pass
// itself off as a server and get a server's bounds); a client whose identity
// is banned is refused. Frames that follow it while the authenticator
// decides wait, within a bound, and are handled in order once the peer is
// admitted. Frames on `unreliable` before admission are dropped and counted,
// not fatal: the original's clients publish on whichever channel opens first
// without waiting for AUTH, and the original served `unreliable` regardless.
// Nothing is relayed for a peer not admitted yet.
import { Role, isServerRole } from '../shared/codec.js';
import type { PeerAuthenticator } from '../shared/auth.js';
import type { Logger } from '../shared/log.js';
import type { ChannelKind } from '../shared/rtc.js';
import { readAuth } from './auth-frames.js';
import type { AdmissionVerdict, Peer, PeerCloseReason } from './peer.js';

export interface AdmissionOptions {
  authenticator: PeerAuthenticator;
  maxFramesBeforeAuth: number;
  /** Whether a live link to the server with this identity already exists. */
  hasLinkTo: (serverId: string) => boolean;
  /** Whether a client with this identity is banned. */
  isBanned: (identity: Uint8Array) => boolean;
  logger: Logger;
  /** An unreliable frame arrived before the peer was admitted and was dropped. */
  onDroppedBeforeAuth: (peer: Peer) => void;
  /** The peer passed: what its AUTH established, and the reliable frames that followed it, in order. */
  onAdmitted: (peer: Peer, verdict: AdmissionVerdict, waiting: Uint8Array[]) => void;
  /** The peer must be closed with `reason`; `announced`: the extensions of its AUTH, when it is told why (a banned client). */
  onRejected: (peer: Peer, reason: PeerCloseReason, detail: string, announced?: ReadonlySet<string>) => void;
}

const KNOWN_ROLES = new Set<Role>([Role.CLIENT, Role.COMMUNICATION_SERVER, Role.COMMUNICATION_SERVER_HUB]);

export class Admission {
  #options: AdmissionOptions;
  #waiting = new Map<Peer, Uint8Array[]>();

  constructor(options: AdmissionOptions) {
    this.#options = options;
  }

  /** A frame from a peer not admitted yet. */
  handle(peer: Peer, channel: ChannelKind, frame: Uint8Array): void {
    if (channel === 'unreliable') {
      this.#options.onDroppedBeforeAuth(peer);
      return;
    }
    const waiting = this.#waiting.get(peer);
    if (waiting) {
      if (waiting.length < this.#options.maxFramesBeforeAuth) waiting.push(frame);
      else this.#reject(peer, 'protocol-error', 'too many frames before AUTH completed');
      return;
    }
    let auth;
    try {
      auth = readAuth(frame);
    } catch (error) {
      this.#reject(peer, 'protocol-error', (error as Error).message);
      return;
    }
    const { role, body, serverId, extensions, clientId } = auth;
    const registered = peer.registeredRole;
    if (registered !== undefined && role !== registered) {
      this.#reject(peer, 'auth-failed', `AUTH claims ${Role[role] ?? role}, the coordinator registered it as ${Role[registered]}`);
      return;
    }
    this.#waiting.set(peer, []);
    Promise.resolve(this.#options.authenticator.authenticate({ alias: peer.alias, role, body, serverId: serverId || undefined }))
      .then((result) => {
        if (peer.closed) return;
        if (!result.ok) return this.#reject(peer, 'auth-failed', result.reason);
        if (!KNOWN_ROLES.has(role)) return this.#reject(peer, 'auth-failed', `unknown role ${role}`);
        const linksTo = isServerRole(role) && serverId ? serverId : undefined;
        if (linksTo && this.#options.hasLinkTo(linksTo)) return this.#reject(peer, 'duplicate-link', `already linked to server ${linksTo}`);
        if (role === Role.CLIENT && this.#options.isBanned(result.identity)) return this.#reject(peer, 'banned', 'its identity is banned', new Set(extensions));
        const frames = this.#waiting.get(peer) ?? [];
        this.#waiting.delete(peer);
        this.#options.onAdmitted(peer, {
          role, identity: result.identity, extensions: new Set(extensions), serverId: linksTo, clientId, permissions: result.permissions,
        }, frames);
      })
      .catch((error: Error) => {
        this.#options.logger.warn({ alias: peer.alias, err: error.message }, 'authenticator failed');
        this.#reject(peer, 'auth-failed', 'authenticator failed');
      });
  }

  forget(peer: Peer): void {
    this.#waiting.delete(peer);
  }

  #reject(peer: Peer, reason: PeerCloseReason, detail: string, announced?: ReadonlySet<string>): void {
    this.#waiting.delete(peer);
    this.#options.onRejected(peer, reason, detail, announced);
  }
}
