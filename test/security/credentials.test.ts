// Signed credentials, client tokens, JWT verification and the token bucket, in isolation.
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { Role } from '../../shared/codec.js';
import {
  CLUSTER_AUTH_KIND, CLUSTER_DISCOVER_KIND, HmacSigner, clientTokenAuthenticator, clientTokenIssuer, clusterCredentials,
  clusterPeerAuthenticator, clusterUpgradeAuthenticator, peerAuthenticatorByRole, readSecretFile,
} from '../../shared/credentials.js';
import { allowAllPeers, allowAllUpgrades, openAccessWarning } from '../../shared/auth.js';
import { jwtPeerAuthenticator, readJwksFile } from '../../shared/jwt-auth.js';
import { TokenBucket } from '../../shared/rate-limit.js';

const utf8 = new TextEncoder();
const text = new TextDecoder();

test('a credential verifies with its secret and kind only, until it expires (with clock skew)', () => {
  let now = 1_000_000;
  const signer = new HmacSigner('s3cret', { ttlMs: 60_000, clockSkewMs: 5_000, now: () => now });
  const credential = signer.sign(CLUSTER_DISCOVER_KIND, { sid: 'a' });
  assert.deepEqual(signer.verify(CLUSTER_DISCOVER_KIND, credential), { ok: true, claims: { sid: 'a', exp: 1_060_000 } });
  assert.equal(signer.verify(CLUSTER_AUTH_KIND, credential).ok, false, 'another kind');
  assert.equal(new HmacSigner('other', { now: () => now }).verify(CLUSTER_DISCOVER_KIND, credential).ok, false, 'another secret');
  const [kind, payload, signature] = credential.split('.');
  const forged = Buffer.from(JSON.stringify({ sid: 'b', exp: 9e15 })).toString('base64url');
  assert.deepEqual(signer.verify(kind, `${kind}.${forged}.${signature}`), { ok: false, reason: 'bad signature' });
  assert.deepEqual(signer.verify(kind, `${kind}.${payload}.${signature.slice(0, -2)}`), { ok: false, reason: 'bad signature' });
  for (const garbage of ['', '.', 'bcd1..', 'bcd1.x.y.z', 'x'.repeat(10_000)]) assert.equal(signer.verify(kind, garbage).ok, false, garbage);
  now = 1_064_999;
  assert.equal(signer.verify(kind, credential).ok, true, 'within the skew');
  now = 1_065_001;
  assert.deepEqual(signer.verify(kind, credential), { ok: false, reason: 'expired' });
});

test('cluster credentials: /discover and AUTH, bound to the server identity', async () => {
  const credentials = clusterCredentials('cluster');
  const upgrade = clusterUpgradeAuthenticator('cluster', allowAllUpgrades);
  const url = (query: Record<string, string>) => new URL(`http://x/discover?${new URLSearchParams({ role: 'COMMUNICATION_SERVER', ...query })}`);
  const role = Role.COMMUNICATION_SERVER;
  assert.equal(await upgrade.authenticate({ role, url: url({ ...credentials.discoverQuery('s1'), server_id: 's1' }), headers: {} }), true);
  assert.equal(await upgrade.authenticate({ role, url: url({ ...credentials.discoverQuery('s1'), server_id: 's2' }), headers: {} }), false);
  assert.equal(await upgrade.authenticate({ role, url: url({ server_id: 's1' }), headers: {} }), false);
  assert.equal(await upgrade.authenticate({ role, url: url({ ...clusterCredentials('wrong').discoverQuery('s1'), server_id: 's1' }), headers: {} }), false);
  assert.equal(await upgrade.authenticate({ role: Role.CLIENT, url: new URL('http://x/connect'), headers: {} }), true, 'clients go to the inner authenticator');
  assert.deepEqual(upgrade.unauthenticated, ['clients']);

  const peer = clusterPeerAuthenticator('cluster');
  const ok = await peer.authenticate({ alias: 5, role, body: credentials.authBody('s1'), serverId: 's1' });
  assert.deepEqual(ok.ok && text.decode(ok.identity), 's1');
  assert.equal((await peer.authenticate({ alias: 5, role, body: credentials.authBody('s1'), serverId: 's2' })).ok, false);
  assert.equal((await peer.authenticate({ alias: 5, role, body: clusterCredentials('wrong').authBody('s1'), serverId: 's1' })).ok, false);
  const discover = utf8.encode(credentials.discoverQuery('s1').credential!);
  assert.equal((await peer.authenticate({ alias: 5, role, body: discover, serverId: 's1' })).ok, false, 'a /discover credential is no AUTH credential');
  assert.equal((await peer.authenticate({ alias: 5, role, body: new Uint8Array([0xff, 0xfe]), serverId: 's1' })).ok, false);
});

test('client tokens: alias-bound, expiring, identity from the token; split by role', async () => {
  let now = 5_000_000;
  const issuer = clientTokenIssuer('tokens', { ttlMs: 1000, now: () => now });
  const verify = clientTokenAuthenticator('tokens', { clockSkewMs: 100, now: () => now });
  const token = issuer.issue({ alias: 42, identity: utf8.encode('alice') });
  const ok = await verify.authenticate({ alias: 42, role: Role.CLIENT, body: token });
  assert.equal(ok.ok && text.decode(ok.identity), 'alice');
  assert.match(JSON.stringify(await verify.authenticate({ alias: 43, role: Role.CLIENT, body: token })), /another alias/);
  assert.equal((await clientTokenAuthenticator('nope').authenticate({ alias: 42, role: Role.CLIENT, body: token })).ok, false);
  now += 1101;
  assert.match(JSON.stringify(await verify.authenticate({ alias: 42, role: Role.CLIENT, body: token })), /expired/);

  const byRole = peerAuthenticatorByRole({ servers: clusterPeerAuthenticator('c'), clients: allowAllPeers });
  assert.deepEqual(byRole.unauthenticated, ['clients']);
  assert.equal((await byRole.authenticate({ alias: 1, role: Role.CLIENT, body: utf8.encode('x') })).ok, true);
  assert.equal((await byRole.authenticate({ alias: 1, role: Role.COMMUNICATION_SERVER_HUB, body: utf8.encode('x') })).ok, false);
  assert.equal((await byRole.authenticate({ alias: 1, role: 7 as Role, body: new Uint8Array() })).ok, false);
  assert.match(openAccessWarning(byRole.unauthenticated) ?? '', /no authentication for clients/);
  assert.equal(openAccessWarning(peerAuthenticatorByRole({ servers: clusterPeerAuthenticator('c'), clients: verify }).unauthenticated), undefined);
});

test('secret files: first line, empty refused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'broker-secret-'));
  writeFileSync(join(dir, 'ok'), 'abc\n');
  writeFileSync(join(dir, 'empty'), '\n');
  assert.equal(readSecretFile(join(dir, 'ok')), 'abc');
  assert.throws(() => readSecretFile(join(dir, 'empty')), /empty/);
});

test('JWT: HMAC secret with issuer and audience; identity from a configurable claim', async () => {
  const secret = 'jwt-shared-secret-of-32-bytes!!!';
  const auth = jwtPeerAuthenticator({ secret, issuer: 'idp', audience: 'broker' });
  const sign = (claims: Record<string, unknown>, key = secret, expires: string | number = '5m') => new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' }).setIssuer('idp').setAudience('broker').setExpirationTime(expires).sign(utf8.encode(key));
  const admit = async (jwt: string, authenticator = auth) => authenticator.authenticate({ alias: 1, role: Role.CLIENT, body: utf8.encode(jwt) });
  const ok = await admit(await sign({ sub: 'alice' }));
  assert.equal(ok.ok && text.decode(ok.identity), 'alice');
  assert.equal((await admit(await sign({ sub: 'alice' }, 'another-secret-of-32-bytes-long!!'))).ok, false, 'wrong key');
  assert.equal((await admit(await sign({ sub: 'alice' }, secret, Math.floor(Date.now() / 1000) - 3600))).ok, false, 'expired');
  const noExp = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('idp').setAudience('broker').sign(utf8.encode(secret));
  assert.equal((await admit(noExp)).ok, false, 'exp is required');
  const otherAudience = await new SignJWT({ sub: 'a' }).setProtectedHeader({ alg: 'HS256' }).setIssuer('idp').setAudience('x')
    .setExpirationTime('5m').sign(utf8.encode(secret));
  assert.equal((await admit(otherAudience)).ok, false, 'audience');
  assert.equal((await admit('not a jwt')).ok, false);
  const [header, payload] = (await sign({ sub: 'alice' })).split('.');
  assert.equal((await admit(`${header}.${payload}.`)).ok, false, 'unsigned');
  const byEmail = jwtPeerAuthenticator({ secret, identityClaim: 'email' });
  const email = await byEmail.authenticate({ alias: 1, role: Role.CLIENT, body: utf8.encode(await sign({ sub: 'a', email: 'a@example.org' })) });
  assert.equal(email.ok && text.decode(email.identity), 'a@example.org');
});

test('JWT: a JWKS file of public keys; a token of another key is refused', async () => {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const other = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'ES256', use: 'sig' };
  const dir = mkdtempSync(join(tmpdir(), 'broker-jwks-'));
  writeFileSync(join(dir, 'jwks.json'), JSON.stringify({ keys: [jwk] }));
  writeFileSync(join(dir, 'bad.json'), '{"nokeys": 1}');
  assert.throws(() => readJwksFile(join(dir, 'bad.json')), /JSON Web Key Set/);
  const auth = jwtPeerAuthenticator({ jwks: readJwksFile(join(dir, 'jwks.json')) });
  const sign = (key: CryptoKey | Uint8Array, claims = { sub: 'bob' }) =>
    new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'k1' }).setExpirationTime('5m').sign(key);
  const ok = await auth.authenticate({ alias: 1, role: Role.CLIENT, body: utf8.encode(await sign(privateKey)) });
  assert.equal(ok.ok && text.decode(ok.identity), 'bob');
  assert.equal((await auth.authenticate({ alias: 1, role: Role.CLIENT, body: utf8.encode(await sign(other.privateKey)) })).ok, false);
  const hs = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).setExpirationTime('5m').sign(utf8.encode('k'.repeat(32)));
  assert.equal((await auth.authenticate({ alias: 1, role: Role.CLIENT, body: utf8.encode(hs) })).ok, false, 'no HMAC with a JWKS');
});

test('token bucket: a burst, then the rate; rate 0 is no limit', () => {
  let now = 0;
  const bucket = new TokenBucket(10, 3, () => now);
  assert.deepEqual([1, 2, 3, 4].map(() => bucket.take()), [true, true, true, false]);
  now = 100;
  assert.deepEqual([bucket.take(), bucket.take()], [true, false]);
  now = 10_000;
  assert.deepEqual([1, 2, 3, 4].map(() => bucket.take()), [true, true, true, false], 'refills to the burst, no more');
  const open = new TokenBucket(0, 1, () => 0);
  assert.ok(Array.from({ length: 100 }, () => open.take()).every(Boolean));
});
