// Signed, expiring credentials (HMAC-SHA256, node:crypto) behind the seams
// of shared/auth.ts:
//
// - cluster credentials: a comm server proves that it holds the cluster
//   secret, in its /discover query (`credential=...`, checked by the
//   coordinator) and in the AUTH body it sends another server (checked there);
// - client tokens: the coordinator hands each client, in WELCOME, a token
//   binding its alias to an identity; the comm server checks it in AUTH and
//   takes the identity from it.
//
// A credential is `<kind>.<payload>.<signature>`: the payload is base64url
// JSON, the signature base64url HMAC-SHA256(secret, "<kind>.<payload>"). The
// kind separates uses (a /discover credential is no AUTH credential, a client
// token no cluster credential), so one cannot be replayed as the other.
// Expiry (`exp`, Unix milliseconds) is checked with an allowed clock skew.
// Within its validity a credential can be replayed: keep validities short and
// the coordinator behind wss:// (data channels are encrypted by DTLS).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PeerAuthResult, PeerAuthenticator, ServerCredentials, UpgradeAuthenticator } from './auth.js';
import { Role, isServerRole } from './codec.js';
import { permissionClaims, permissionsFromClaims, type TopicPermissions } from './topic-permissions.js';

export const CLUSTER_DISCOVER_KIND = 'bcd1';
export const CLUSTER_AUTH_KIND = 'bca1';
export const CLIENT_TOKEN_KIND = 'bct1';
/** The /discover query parameter that carries a cluster credential. */
export const CREDENTIAL_PARAM = 'credential';

/** Default validity of a credential or token from the moment it is made. */
export const DEFAULT_CREDENTIAL_TTL_MS = 60_000;
/** Default clock difference tolerated between the signer and the verifier. */
export const DEFAULT_CLOCK_SKEW_MS = 30_000;
/** Longest credential accepted at all: a bound on the work of a forged one. */
const MAX_CREDENTIAL_LENGTH = 4096;

export interface SignerOptions {
  /** Validity of each credential; default 60 s. */
  ttlMs?: number;
  /** Clock of the signer and the verifier (Unix ms); default Date.now. */
  now?: () => number;
  /** Expiry tolerance; default 30 s. */
  clockSkewMs?: number;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** A secret as given: a string (UTF-8) or bytes; refuses an empty one. */
export function secretBytes(secret: string | Uint8Array, what = 'secret'): Buffer {
  const bytes = typeof secret === 'string' ? Buffer.from(secret, 'utf8') : Buffer.from(secret);
  if (bytes.length === 0) throw new Error(`the ${what} is empty`);
  return bytes;
}

/** Reads a secret from a file, without its trailing newline. */
export function readSecretFile(path: string, what = 'secret'): string {
  const text = readFileSync(path, 'utf8').replace(/\r?\n$/, '');
  if (text.length === 0) throw new Error(`the ${what} file ${path} is empty`);
  return text;
}

/** Signs and verifies credentials of any kind with one secret. */
export class HmacSigner {
  readonly #secret: Buffer;
  readonly #ttlMs: number;
  readonly #skewMs: number;
  readonly #now: () => number;

  constructor(secret: string | Uint8Array, options: SignerOptions = {}) {
    this.#secret = secretBytes(secret);
    this.#ttlMs = options.ttlMs ?? DEFAULT_CREDENTIAL_TTL_MS;
    this.#skewMs = options.clockSkewMs ?? DEFAULT_CLOCK_SKEW_MS;
    this.#now = options.now ?? Date.now;
  }

  /** `<kind>.<payload>.<signature>` for the claims, with `exp` = now + ttl. */
  sign(kind: string, claims: Record<string, unknown>): string {
    const payload = Buffer.from(JSON.stringify({ ...claims, exp: this.#now() + this.#ttlMs })).toString('base64url');
    return `${kind}.${payload}.${this.#mac(`${kind}.${payload}`).toString('base64url')}`;
  }

  /** The claims of a credential of `kind`, or why it is refused. */
  verify(kind: string, credential: string): { ok: true; claims: Record<string, unknown> } | { ok: false; reason: string } {
    if (credential.length > MAX_CREDENTIAL_LENGTH) return { ok: false, reason: 'credential too long' };
    const parts = credential.split('.');
    if (parts.length !== 3 || parts[0] !== kind) return { ok: false, reason: `not a ${kind} credential` };
    const [, payload, signature] = parts as [string, string, string];
    const expected = this.#mac(`${kind}.${payload}`);
    const given = Buffer.from(signature, 'base64url');
    // Equal lengths first (timingSafeEqual requires them; a digest's length is no secret).
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad signature' };
    let claims: unknown;
    try {
      claims = JSON.parse(utf8Decoder.decode(Buffer.from(payload, 'base64url')));
    } catch {
      return { ok: false, reason: 'undecodable payload' };
    }
    if (claims === null || typeof claims !== 'object' || Array.isArray(claims)) return { ok: false, reason: 'undecodable payload' };
    const { exp } = claims as { exp?: unknown };
    if (typeof exp !== 'number' || !Number.isFinite(exp)) return { ok: false, reason: 'no expiry' };
    if (exp + this.#skewMs < this.#now()) return { ok: false, reason: 'expired' };
    return { ok: true, claims: claims as Record<string, unknown> };
  }

  #mac(data: string): Buffer {
    return createHmac('sha256', this.#secret).update(data).digest();
  }
}


/**
 * Admits a peer whose AUTH body is a valid credential of `kind`: `accept`
 * returns the peer's identity, or why its claims are refused. A refusal
 * reads `<credential> refused: <why>`.
 */
function signedAuthAuthenticator(
  secret: string | Uint8Array,
  options: SignerOptions,
  kind: string,
  credential: string,
  accept: (claims: Record<string, unknown>, auth: Parameters<PeerAuthenticator['authenticate']>[0]) => { identity: Uint8Array; permissions?: TopicPermissions } | string,
): PeerAuthenticator {
  const signer = new HmacSigner(secret, options);
  return {
    authenticate: (auth): PeerAuthResult => {
      const result = signer.verify(kind, decodeText(auth.body));
      const accepted = result.ok ? accept(result.claims, auth) : result.reason;
      if (typeof accepted === 'string') return { ok: false, reason: `${credential} refused: ${accepted}` };
      return { ok: true, ...accepted };
    },
  };
}

// ---- cluster credentials ----

/** What a comm server presents when it holds the cluster secret. */
export function clusterCredentials(secret: string | Uint8Array, options: SignerOptions = {}): ServerCredentials {
  const signer = new HmacSigner(secret, options);
  return {
    discoverQuery: (serverId) => ({ [CREDENTIAL_PARAM]: signer.sign(CLUSTER_DISCOVER_KIND, { sid: serverId }) }),
    authBody: (serverId) => utf8.encode(signer.sign(CLUSTER_AUTH_KIND, { sid: serverId })),
  };
}

function checkServerId(claims: Record<string, unknown>, serverId: string | undefined | null): string | undefined {
  if (typeof claims.sid !== 'string') return 'no server identity in the credential';
  if (!serverId || claims.sid !== serverId) return 'credential made for another server identity';
  return undefined;
}

/**
 * The coordinator's check of a comm server's /discover upgrade: a valid
 * credential made for the `server_id` it registers with. Clients go to
 * `clients` (allow-all by default).
 */
export function clusterUpgradeAuthenticator(
  secret: string | Uint8Array, clients: UpgradeAuthenticator, options: SignerOptions = {},
): UpgradeAuthenticator {
  const signer = new HmacSigner(secret, options);
  return {
    unauthenticated: (clients.unauthenticated ?? []).filter((role) => role === 'clients'),
    authenticate: (request) => {
      if (!isServerRole(request.role)) return clients.authenticate(request);
      const credential = request.url.searchParams.get(CREDENTIAL_PARAM);
      if (credential === null) return false;
      const result = signer.verify(CLUSTER_DISCOVER_KIND, credential);
      return result.ok && checkServerId(result.claims, request.url.searchParams.get('server_id')) === undefined;
    },
    identify: clients.identify?.bind(clients),
    topicPermissions: clients.topicPermissions?.bind(clients),
  };
}

/** A comm server's check of another server's AUTH body: a valid credential made for the server_id of its AUTH. */
export function clusterPeerAuthenticator(secret: string | Uint8Array, options: SignerOptions = {}): PeerAuthenticator {
  return signedAuthAuthenticator(secret, options, CLUSTER_AUTH_KIND, 'cluster credential', (claims, { serverId }) =>
    checkServerId(claims, serverId) ?? { identity: utf8.encode(claims.sid as string) },
  );
}

// ---- client tokens ----

/** Issues the token a coordinator puts in a client's WELCOME. */
export interface ClientTokenIssuer {
  issue(claims: { alias: number; identity: Uint8Array; permissions?: TopicPermissions }): Uint8Array;
}

export function clientTokenIssuer(secret: string | Uint8Array, options: SignerOptions = {}): ClientTokenIssuer {
  const signer = new HmacSigner(secret, options);
  return {
    issue: ({ alias, identity, permissions }) =>
      utf8.encode(signer.sign(CLIENT_TOKEN_KIND, { alias, id: Buffer.from(identity).toString('base64url'), ...permissionClaims(permissions) })),
  };
}

/**
 * A comm server's check of a client's AUTH body: a token from the coordinator
 * (same secret), unexpired, made for this client's alias. The identity and
 * the topic permissions are the token's, whatever else the client claims.
 */
export function clientTokenAuthenticator(secret: string | Uint8Array, options: SignerOptions = {}): PeerAuthenticator {
  return signedAuthAuthenticator(secret, options, CLIENT_TOKEN_KIND, 'client token', (claims, { alias }) => {
    if (claims.alias !== alias) return 'made for another alias';
    if (typeof claims.id !== 'string') return 'no identity';
    const topics = permissionsFromClaims(claims);
    if (!topics.ok) return topics.reason;
    return { identity: new Uint8Array(Buffer.from(claims.id, 'base64url')), permissions: topics.permissions };
  });
}

// ---- composition ----

/**
 * Sends servers' AUTH to `servers` and clients' to `clients`; any other role
 * is refused. The defaults let anyone in.
 */
export function peerAuthenticatorByRole(parts: { servers: PeerAuthenticator; clients: PeerAuthenticator }): PeerAuthenticator {
  const unauthenticated = [
    ...(parts.servers.unauthenticated?.includes('servers') ? ['servers' as const] : []),
    ...(parts.clients.unauthenticated?.includes('clients') ? ['clients' as const] : []),
  ];
  return {
    unauthenticated,
    authenticate: (auth) => {
      if (auth.role === Role.CLIENT) return parts.clients.authenticate(auth);
      if (isServerRole(auth.role)) return parts.servers.authenticate(auth);
      return { ok: false, reason: `unknown role ${auth.role}` };
    },
  };
}

/** Admits a peer that any of the authenticators admits, tried in order. */
export function firstAccepting(authenticators: PeerAuthenticator[]): PeerAuthenticator {
  return {
    unauthenticated: [...new Set(authenticators.flatMap((authenticator) => authenticator.unauthenticated ?? []))],
    authenticate: async (auth) => {
      const reasons: string[] = [];
      for (const authenticator of authenticators) {
        const result = await authenticator.authenticate(auth);
        if (result.ok) return result;
        reasons.push(result.reason);
      }
      return { ok: false, reason: reasons.join('; ') || 'no authenticator' };
    },
  };
}

function decodeText(body: Uint8Array): string {
  if (body.length > MAX_CREDENTIAL_LENGTH) return '';
  try {
    return utf8Decoder.decode(body);
  } catch {
    return '';
  }
}
