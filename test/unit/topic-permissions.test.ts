// Topic permissions (shared/topic-permissions.ts): what a pattern list
// allows, the claims as tokens and JWTs carry them, and claims that are
// there but malformed, which refuse the token rather than allow everything.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SignJWT } from 'jose';
import { Role } from '../../shared/codec.js';
import { clientTokenAuthenticator, clientTokenIssuer } from '../../shared/credentials.js';
import { jwtPeerAuthenticator } from '../../shared/jwt-auth.js';
import { TopicPatterns, TopicRules, permissionsFromClaims } from '../../shared/topic-permissions.js';

test('a pattern is a topic name, or a prefix and *; a * elsewhere is part of the name', () => {
  const patterns = new TopicPatterns(['news', 'rooms.*', 'a*b', 'x.*']);
  for (const topic of ['news', 'rooms.', 'rooms.1', 'rooms.1.2', 'a*b', 'x.y']) assert.ok(patterns.allows(topic), topic);
  for (const topic of ['new', 'newsroom', 'rooms', 'room.1', 'ab', 'axb', 'a*bc', 'x']) assert.ok(!patterns.allows(topic), topic);
  assert.ok(new TopicPatterns(['*']).allows('anything'));
  assert.ok(!new TopicPatterns([]).allows('anything'));
});

test('without a claim a direction is unrestricted; an empty list allows nothing', () => {
  const rules = new TopicRules({ publish: ['chat'] });
  assert.deepEqual([rules.mayPublish('chat'), rules.mayPublish('other'), rules.maySubscribe('other')], [true, false, true]);
  const none = new TopicRules({ subscribe: [] });
  assert.deepEqual([none.maySubscribe('chat'), none.mayPublish('chat')], [false, true]);
});

test('claims are read when well formed, and refuse the token otherwise', () => {
  assert.deepEqual(permissionsFromClaims({}), { ok: true, permissions: undefined });
  assert.deepEqual(permissionsFromClaims({ publish_topics: ['a', 'b.*'] }), { ok: true, permissions: { publish: ['a', 'b.*'] } });
  assert.deepEqual(permissionsFromClaims({ subscribe_topics: [] }), { ok: true, permissions: { subscribe: [] } });
  for (const claims of [
    { publish_topics: 'a' }, { publish_topics: [1] }, { subscribe_topics: [''] }, { subscribe_topics: ['a b'] }, { publish_topics: null },
    { publish_topics: ['x'.repeat(257)] }, { subscribe_topics: Array.from({ length: 257 }, (_, i) => `t${i}`) },
  ]) {
    assert.equal(permissionsFromClaims(claims).ok, false, JSON.stringify(claims).slice(0, 60));
  }
});

test('a client token carries the permissions it was issued with; a JWT its claims; malformed claims refuse either', async () => {
  const issuer = clientTokenIssuer('secret');
  const authenticator = clientTokenAuthenticator('secret');
  const token = issuer.issue({ alias: 7, identity: new Uint8Array(), permissions: { publish: ['rooms.*'], subscribe: ['rooms.*', 'news'] } });
  const admitted = await authenticator.authenticate({ alias: 7, role: Role.CLIENT, body: token });
  assert.deepEqual(admitted, { ok: true, identity: new Uint8Array(), permissions: { publish: ['rooms.*'], subscribe: ['rooms.*', 'news'] } });
  const plain = await authenticator.authenticate({ alias: 8, role: Role.CLIENT, body: issuer.issue({ alias: 8, identity: new Uint8Array() }) });
  assert.deepEqual(plain, { ok: true, identity: new Uint8Array(), permissions: undefined });

  const secret = new TextEncoder().encode('identity provider secret, 32 b!!');
  const jwt = jwtPeerAuthenticator({ secret });
  const sign = (claims: Record<string, unknown>) => new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject('carol').setExpirationTime('2m').sign(secret);
  const withClaims = await jwt.authenticate({ alias: 1, role: Role.CLIENT, body: new TextEncoder().encode(await sign({ publish_topics: ['chat'] })) });
  assert.deepEqual(withClaims, { ok: true, identity: new TextEncoder().encode('carol'), permissions: { publish: ['chat'] } });
  const malformed = await jwt.authenticate({ alias: 1, role: Role.CLIENT, body: new TextEncoder().encode(await sign({ subscribe_topics: 'chat' })) });
  assert.deepEqual(malformed, { ok: false, reason: 'JWT refused: subscribe_topics claim is not a list' });
});
