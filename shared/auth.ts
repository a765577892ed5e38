// Authentication seams. The defaults allow everyone: fine for local
// development, never for a deployment reachable by others (the coordinator
// and comm servers log a warning at start when they run with them).
// shared/credentials.ts implements them with signed credentials and tokens,
// shared/jwt-auth.ts with JWTs from an identity provider.
import type { IncomingMessage } from 'node:http';
import type { Role } from './codec.js';
import type { TopicPermissions } from './topic-permissions.js';

/** Which kinds of peer an authenticator lets in without checking anything (for the startup warning). */
export type Unauthenticated = ReadonlyArray<'servers' | 'clients'>;

export interface UpgradeRequest {
  role: Role;
  url: URL;
  headers: IncomingMessage['headers'];
}

/** Decides whether the coordinator accepts a WebSocket upgrade for a role. */
export interface UpgradeAuthenticator {
  authenticate(request: UpgradeRequest): boolean | Promise<boolean>;
  /**
   * The identity of an accepted client (from a header, a query parameter, a
   * session lookup...), put in its client token when the coordinator issues
   * tokens. Default: none (an empty identity).
   */
  identify?(request: UpgradeRequest): Uint8Array | undefined | Promise<Uint8Array | undefined>;
  /**
   * The topics an accepted client may publish to and subscribe to, put in
   * its client token (shared/topic-permissions.ts). Default: none named (all
   * allowed).
   */
  topicPermissions?(request: UpgradeRequest): TopicPermissions | undefined | Promise<TopicPermissions | undefined>;
  readonly unauthenticated?: Unauthenticated;
}

/** `permissions`: the topics the peer may publish to and subscribe to, when its credentials say (undefined: all). */
export type PeerAuthResult = { ok: true; identity: Uint8Array; permissions?: TopicPermissions } | { ok: false; reason: string };

/** Decides whether a peer's AUTH (the first message on `reliable`) admits it to a comm server. */
export interface PeerAuthenticator {
  /** `serverId` is the AUTH's server_id (servers only). */
  authenticate(auth: { alias: number; role: Role; body: Uint8Array; serverId?: string }): PeerAuthResult | Promise<PeerAuthResult>;
  readonly unauthenticated?: Unauthenticated;
}

/** What a comm server presents: query parameters on /discover and the body of its AUTH to other servers. */
export interface ServerCredentials {
  /** Called for every attempt (credentials may expire); `serverId` is the server's stable identity. */
  discoverQuery(serverId: string): Record<string, string>;
  authBody(serverId: string): Uint8Array;
}

export const allowAllUpgrades: UpgradeAuthenticator = {
  authenticate: () => true,
  unauthenticated: ['servers', 'clients'],
};

/** Admits every peer; the identity is the AUTH body as sent. */
export const allowAllPeers: PeerAuthenticator = {
  authenticate: ({ body }) => ({ ok: true, identity: body }),
  unauthenticated: ['servers', 'clients'],
};

export const noServerCredentials: ServerCredentials = {
  discoverQuery: () => ({}),
  authBody: () => new Uint8Array(0),
};

/** The startup warning's text, or undefined when every kind of peer is authenticated. */
export function openAccessWarning(unauthenticated: Unauthenticated | undefined): string | undefined {
  if (!unauthenticated || unauthenticated.length === 0) return undefined;
  return `no authentication for ${unauthenticated.join(' and ')}: anyone who reaches this process can join` +
    ' (fine for local development; see the Security section of the README)';
}
