// Client tokens: the coordinator issues them in WELCOME, the client library
// sends them as AUTH, the comm server admits only valid ones and takes the
// identity from them. JWTs from an identity provider, end to end.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { test, type TestContext } from 'node:test';
import { SignJWT } from 'jose';
import type { UpgradeAuthenticator } from '../../shared/auth.js';
import { allowAllPeers, allowAllUpgrades } from '../../shared/auth.js';
import { clientTokenAuthenticator, clientTokenIssuer, peerAuthenticatorByRole, type ClientTokenIssuer } from '../../shared/credentials.js';
import { jwtPeerAuthenticator } from '../../shared/jwt-auth.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';
import { clientFor, connectError, coordinatorFor, serverFor } from './helpers.js';

const TOKEN_SECRET = 'client token secret';
const utf8 = new TextEncoder();
const text = new TextDecoder();

/** The identity comes from the upgrade: here a `user` query parameter (a deployment would check a session). */
const identifyByQuery: UpgradeAuthenticator = {
  ...allowAllUpgrades,
  identify: ({ url }) => {
    const user = url.searchParams.get('user');
    return user === null ? undefined : utf8.encode(user);
  },
};

async function tokenCluster(t: TestContext, issuer: ClientTokenIssuer = clientTokenIssuer(TOKEN_SECRET)) {
  const coordinator = await coordinatorFor(t, { upgradeAuthenticator: identifyByQuery, clientTokens: issuer });
  const server = await serverFor(t, coordinator, {
    peerAuthenticator: peerAuthenticatorByRole({ servers: allowAllPeers, clients: clientTokenAuthenticator(TOKEN_SECRET) }),
  });
  return { coordinator, server };
}

test('identities come from the tokens: TOPIC_IDENTITY carries the identity the coordinator vouched for', async (t) => {
  const { coordinator, server } = await tokenCluster(t);
  const alice = await clientFor(t, coordinator, { auth: { query: { user: 'alice' } } });
  const bob = await clientFor(t, coordinator, { auth: { query: { user: 'bob' } } });
  const identities = new Map([...server.peers.values()].map((peer) => [peer.alias, text.decode(peer.identity)]));
  assert.deepEqual(identities, new Map([[alice.alias, 'alice'], [bob.alias, 'bob']]));

  const inbox = new Inbox(bob);
  bob.subscribe('chat');
  await untilRouted('chat', [alice], [{ client: bob, inbox }]);
  alice.publishWithIdentity('chat', 'signed by alice');
  await inbox.until((messages) => messages.some((m) => bodyText(m) === 'signed by alice'));
  const message = inbox.messages.find((m) => bodyText(m) === 'signed by alice')!;
  assert.equal(text.decode(message.identity), 'alice');
  assert.equal(message.from, alice.alias);
});

test('a client that sends its own body instead of the token is refused (AUTH_FAILED): no claiming another identity', async (t) => {
  const { coordinator, server } = await tokenCluster(t);
  for (const body of ['bob', '', 'bct1.e30.AAAA']) {
    const error = await connectError(coordinator, { auth: { body, query: { user: 'mallory' } } });
    assert.equal(error.code, 'AUTH_FAILED', `body ${JSON.stringify(body)}: ${error.message}`);
  }
  while ((server.stats.closed['auth-failed'] ?? 0) < 3) await once(server, 'peerClosed');
});

test('forged, tampered and expired tokens are refused (AUTH_FAILED)', async (t) => {
  const honest = clientTokenIssuer(TOKEN_SECRET);
  const tampered: ClientTokenIssuer = {
    issue: (claims) => {
      // Swap in another identity, keep the signature.
      const [kind, , signature] = text.decode(honest.issue(claims)).split('.');
      const payload = Buffer.from(JSON.stringify({ alias: claims.alias, id: Buffer.from('admin').toString('base64url'), exp: Date.now() + 60_000 })).toString('base64url');
      return utf8.encode(`${kind}.${payload}.${signature}`);
    },
  };
  const otherAlias: ClientTokenIssuer = { issue: (claims) => honest.issue({ ...claims, alias: claims.alias + 1 }) };
  const issuers: Record<string, ClientTokenIssuer> = {
    forged: clientTokenIssuer('a guessed secret'),
    tampered,
    'for another alias': otherAlias,
    // Signed with the right secret, but expired beyond the allowed clock skew.
    expired: clientTokenIssuer(TOKEN_SECRET, { ttlMs: 1000, now: () => Date.now() - 120_000 }),
  };
  for (const [name, issuer] of Object.entries(issuers)) {
    await t.test(name, async (st) => {
      const { coordinator } = await tokenCluster(st, issuer);
      const error = await connectError(coordinator, { auth: { query: { user: 'mallory' } } });
      assert.equal(error.code, 'AUTH_FAILED', error.message);
    });
  }
});

test('JWT verification (identity provider): a valid token is admitted with its sub, a bad one refused', async (t) => {
  const secret = utf8.encode('identity provider secret, 32 b!!');
  const coordinator = await coordinatorFor(t);
  await serverFor(t, coordinator, {
    peerAuthenticator: peerAuthenticatorByRole({
      servers: allowAllPeers,
      clients: jwtPeerAuthenticator({ secret, issuer: 'https://idp.test', audience: 'broker' }),
    }),
  });
  const jwt = (subject: string, key = secret, audience = 'broker') => new SignJWT({}).setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject).setIssuer('https://idp.test').setAudience(audience).setExpirationTime('2m').sign(key);

  const carol = await clientFor(t, coordinator, { auth: { body: await jwt('carol') } });
  const dave = await clientFor(t, coordinator, { auth: { body: await jwt('dave') } });
  const inbox = new Inbox(dave);
  dave.subscribe('jwt');
  await untilRouted('jwt', [carol], [{ client: dave, inbox }]);
  carol.publishWithIdentity('jwt', 'from carol');
  await inbox.until((messages) => messages.some((m) => bodyText(m) === 'from carol' && text.decode(m.identity) === 'carol'));

  for (const body of [await jwt('eve', utf8.encode('not the provider secret, 32 b!!!')), await jwt('eve', secret, 'elsewhere'), 'eve']) {
    assert.equal((await connectError(coordinator, { auth: { body } })).code, 'AUTH_FAILED');
  }
});
