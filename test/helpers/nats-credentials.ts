// NATS decentralized authentication for tests, as `nsc` would set it up: an
// operator, the system account (JetStream needs one), an account (JetStream
// allowed) and a user, their JWTs signed with NKeys; the server's config
// (operator JWT, the accounts preloaded in a memory resolver) and the user's
// .creds file, the kind --nats-creds-file reads.
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createAccount, createOperator, createUser, type KeyPair } from '@nats-io/nkeys';

const UNLIMITED = -1;

function base64url(value: string | Uint8Array): string {
  return Buffer.from(value).toString('base64url');
}

/** RFC 4648 base32 without padding: how NATS JWTs write their `jti`. */
function base32(bytes: Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

/** A NATS JWT (v2): `subject`'s claims, issued and signed by `issuer`. */
function natsJwt(issuer: KeyPair, subject: string, name: string, nats: Record<string, unknown>): string {
  const claims: Record<string, unknown> = { jti: '', iat: Math.floor(Date.now() / 1000), iss: issuer.getPublicKey(), name, sub: subject, nats: { ...nats, version: 2 } };
  claims.jti = base32(createHash('sha512-256').update(JSON.stringify(claims)).digest());
  const signed = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'ed25519-nkey' }))}.${base64url(JSON.stringify(claims))}`;
  return `${signed}.${base64url(issuer.sign(new TextEncoder().encode(signed)))}`;
}

export interface NatsCredentials {
  /** nats-server flags: `-c` and the config file with the operator and the account. */
  serverArgs: string[];
  /** A user's .creds file. */
  credsFile: string;
}

/** Writes the server's config and a user's .creds file into `directory`. */
export async function natsCredentials(directory: string): Promise<NatsCredentials> {
  const operator = createOperator();
  const system = createAccount();
  const account = createAccount();
  const user = createUser();
  const operatorJwt = natsJwt(operator, operator.getPublicKey(), 'test operator', { type: 'operator' });
  const accountJwt = natsJwt(operator, account.getPublicKey(), 'test account', {
    type: 'account',
    limits: {
      subs: UNLIMITED, data: UNLIMITED, payload: UNLIMITED, imports: UNLIMITED, exports: UNLIMITED, wildcards: true, conn: UNLIMITED, leaf: UNLIMITED,
      mem_storage: UNLIMITED, disk_storage: UNLIMITED, streams: UNLIMITED, consumer: UNLIMITED,
    },
  });
  const systemJwt = natsJwt(operator, system.getPublicKey(), 'SYS', { type: 'account', limits: { subs: UNLIMITED, data: UNLIMITED, payload: UNLIMITED, conn: UNLIMITED } });
  const userJwt = natsJwt(account, user.getPublicKey(), 'test user', { type: 'user', pub: {}, sub: {}, subs: UNLIMITED, data: UNLIMITED, payload: UNLIMITED });
  const config = join(directory, 'nats.conf');
  await writeFile(config, [
    `operator: ${operatorJwt}`, `system_account: ${system.getPublicKey()}`, 'resolver: MEMORY', 'resolver_preload: {',
    `  ${system.getPublicKey()}: ${systemJwt}`, `  ${account.getPublicKey()}: ${accountJwt}`, '}', '',
  ].join('\n'));
  const credsFile = join(directory, 'user.creds');
  await writeFile(credsFile, [
    '-----BEGIN NATS USER JWT-----', userJwt, '------END NATS USER JWT------', '',
    '-----BEGIN USER NKEY SEED-----', new TextDecoder().decode(user.getSeed()), '------END USER NKEY SEED------', '',
  ].join('\n'), { mode: 0o600 });
  return { serverArgs: ['-c', config], credsFile };
}
