// Authentication seams. The defaults allow everyone: fine for local
// development, never for a deployment reachable by others.
import type { IncomingMessage } from 'node:http';
import type { Role } from './codec.js';

/** Decides whether the coordinator accepts a WebSocket upgrade for a role. */
export interface UpgradeAuthenticator {
  authenticate(request: { role: Role; url: URL; headers: IncomingMessage['headers'] }): boolean | Promise<boolean>;
}

export type PeerAuthResult = { ok: true; identity: Uint8Array } | { ok: false; reason: string };

/** Decides whether a peer's AUTH (the first message on `reliable`) admits it to a comm server. */
export interface PeerAuthenticator {
  authenticate(auth: { alias: number; role: Role; body: Uint8Array }): PeerAuthResult | Promise<PeerAuthResult>;
}

/** What a comm server presents: query parameters on /discover and the body of its AUTH to other servers. */
export interface ServerCredentials {
  discoverQuery(): Record<string, string>;
  authBody(): Uint8Array;
}

export const allowAllUpgrades: UpgradeAuthenticator = { authenticate: () => true };

/** Admits every peer; the identity is the AUTH body as sent. */
export const allowAllPeers: PeerAuthenticator = {
  authenticate: ({ body }) => ({ ok: true, identity: body }),
};

export const noServerCredentials: ServerCredentials = {
  discoverQuery: () => ({}),
  authBody: () => new Uint8Array(0),
};
