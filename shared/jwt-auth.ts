// A PeerAuthenticator for deployments with their own identity provider: the
// client's AUTH body is a JWT (compact JWS), verified with `jose` against a
// shared secret (HS256/384/512) or a JSON Web Key Set file (RS*, PS*, ES*,
// EdDSA), with optional issuer and audience checks. The identity is a claim
// of the token (`sub` by default); `publish_topics` and `subscribe_topics`
// claims limit its topics (shared/topic-permissions.ts). A JWT is a bearer
// token: whoever holds it may use it until it expires (`exp` is required).
import { readFileSync } from 'node:fs';
import { createLocalJWKSet, jwtVerify, type JWTVerifyGetKey, type JWTVerifyOptions } from 'jose';
import type { PeerAuthResult, PeerAuthenticator } from './auth.js';
import { secretBytes } from './credentials.js';
import { permissionsFromClaims } from './topic-permissions.js';

export interface JwtAuthOptions {
  /** HMAC secret (HS256, HS384, HS512). Exactly one of `secret` and `jwks`. */
  secret?: string | Uint8Array;
  /** A JSON Web Key Set ({"keys": [...]}), e.g. read with `readJwksFile`. */
  jwks?: unknown;
  issuer?: string;
  audience?: string;
  /** Claim whose value becomes the identity; default `sub`. */
  identityClaim?: string;
  /** Tolerated clock difference in seconds for exp/nbf/iat; default 30. */
  clockToleranceSec?: number;
}

const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'];
const PUBLIC_KEY_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];
/** A longer AUTH body is refused without parsing. */
const MAX_JWT_LENGTH = 16 * 1024;

export function readJwksFile(path: string): unknown {
  let jwks: unknown;
  try {
    jwks = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`JWKS file ${path}: ${(error as Error).message}`);
  }
  if (!jwks || typeof jwks !== 'object' || !Array.isArray((jwks as { keys?: unknown }).keys)) {
    throw new Error(`JWKS file ${path}: expected a JSON Web Key Set, {"keys": [...]}`);
  }
  return jwks;
}

export function jwtPeerAuthenticator(options: JwtAuthOptions): PeerAuthenticator {
  if ((options.secret === undefined) === (options.jwks === undefined)) throw new Error('JWT verification needs a secret or a JWKS, not both');
  const key: Uint8Array | JWTVerifyGetKey = options.secret !== undefined
    ? new Uint8Array(secretBytes(options.secret, 'JWT secret'))
    : createLocalJWKSet(options.jwks as Parameters<typeof createLocalJWKSet>[0]);
  const verifyOptions: JWTVerifyOptions = {
    algorithms: options.secret !== undefined ? HMAC_ALGORITHMS : PUBLIC_KEY_ALGORITHMS,
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: options.clockToleranceSec ?? 30,
    requiredClaims: ['exp'],
  };
  const claimName = options.identityClaim ?? 'sub';
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const encoder = new TextEncoder();
  return {
    authenticate: async ({ body }): Promise<PeerAuthResult> => {
      let token: string;
      try {
        if (body.length > MAX_JWT_LENGTH) throw new Error('too long');
        token = decoder.decode(body);
      } catch {
        return { ok: false, reason: 'JWT refused: not a token' };
      }
      try {
        // Overloads differ by key type; both verify the same way.
        const { payload } = typeof key === 'function'
          ? await jwtVerify(token, key, verifyOptions)
          : await jwtVerify(token, key, verifyOptions);
        const claim = payload[claimName];
        if (claim === undefined || claim === null || claim === '') return { ok: false, reason: `JWT refused: no ${claimName} claim` };
        const topics = permissionsFromClaims(payload);
        if (!topics.ok) return { ok: false, reason: `JWT refused: ${topics.reason}` };
        return { ok: true, identity: encoder.encode(typeof claim === 'string' ? claim : JSON.stringify(claim)), permissions: topics.permissions };
      } catch (error) {
        return { ok: false, reason: `JWT refused: ${(error as Error).message}` };
      }
    },
  };
}
