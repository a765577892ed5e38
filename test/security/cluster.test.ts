// The cluster secret: comm servers prove membership to the coordinator
// (/discover, HTTP 401 otherwise) and to each other (AUTH).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allowAllPeers } from '../../shared/auth.js';
import { clusterCredentials, clusterPeerAuthenticator, clusterUpgradeAuthenticator } from '../../shared/credentials.js';
import { allowAllUpgrades } from '../../shared/auth.js';
import { peerAuthenticatorByRole } from '../../shared/credentials.js';
import { CommServer, type CommServerOptions, type Peer, type PeerCloseReason } from '../../commserver/index.js';
import { meshFormed } from '../helpers/cluster.js';
import { Inbox, bodyText, untilRouted } from '../helpers/messages.js';
import { clientFor, coordinatorFor, nextEvent, serverFor, upgradeStatus } from './helpers.js';

const SECRET = 'correct horse battery staple';

/** What `broker commserver --cluster-secret` configures. */
function securedServer(secret: string): Partial<CommServerOptions> {
  return {
    credentials: clusterCredentials(secret),
    peerAuthenticator: peerAuthenticatorByRole({ servers: clusterPeerAuthenticator(secret), clients: allowAllPeers }),
  };
}

test('with a cluster secret the coordinator refuses /discover without a valid credential (401)', async (t) => {
  const coordinator = await coordinatorFor(t, { upgradeAuthenticator: clusterUpgradeAuthenticator(SECRET, allowAllUpgrades) });
  const discover = (query: Record<string, string>) =>
    upgradeStatus(`${coordinator.url}/discover?${new URLSearchParams({ role: 'COMMUNICATION_SERVER', server_id: 'rogue', ...query })}`);
  assert.equal(await discover({}), 401);
  assert.equal(await discover(clusterCredentials('a wrong secret').discoverQuery('rogue')), 401);
  assert.equal(await discover({ credential: 'bcd1.e30.AAAA' }), 401);
  assert.equal(await discover(clusterCredentials(SECRET).discoverQuery('someone-else')), 401, 'made for another server id');
  assert.equal(await discover(clusterCredentials(SECRET).discoverQuery('rogue')), 101);
  assert.equal(await upgradeStatus(`${coordinator.url}/connect`), 101, 'clients are not affected');
  assert.equal(coordinator.stats.refusedUpgrades.unauthorized, 4);

  // A comm server without the secret, and one with a wrong secret, never register.
  for (const options of [{}, securedServer('a wrong secret')]) {
    const refused = nextEvent(coordinator, 'upgradeRefused');
    const rogue = new CommServer({ coordinatorUrl: coordinator.url, ...options, limits: { coordinatorRetryMinMs: 50 } });
    t.after(() => rogue.close());
    rogue.start();
    assert.deepEqual(await refused, [401, 2]);
    assert.equal(rogue.alias, undefined);
    await rogue.close();
  }
});

test('with the secret everywhere the mesh forms and carries messages', async (t) => {
  const coordinator = await coordinatorFor(t, { upgradeAuthenticator: clusterUpgradeAuthenticator(SECRET, allowAllUpgrades) });
  const servers = [];
  for (let i = 0; i < 3; i++) servers.push(await serverFor(t, coordinator, securedServer(SECRET)));
  await meshFormed(servers);
  for (const server of servers) {
    assert.equal(server.linkedServers().length, 2);
    // An incoming link's identity is the server id its AUTH credential was made for.
    for (const link of server.linkedServers().filter((l) => l.direction === 'incoming')) {
      assert.equal(new TextDecoder().decode(link.identity), link.serverId);
    }
  }
  const [a, b] = [await clientFor(t, coordinator), await clientFor(t, coordinator)];
  const inboxes = [new Inbox(a), new Inbox(b)];
  a.subscribe('news');
  b.subscribe('news');
  await untilRouted('news', [a, b], [{ client: a, inbox: inboxes[0] }, { client: b, inbox: inboxes[1] }]);
  a.publish('news', 'secured');
  await inboxes[1].until((messages) => messages.some((m) => bodyText(m) === 'secured'));
});

test('a server with a wrong secret that gets a CONNECT relayed is refused at AUTH and reads nothing', async (t) => {
  // A coordinator that checks nothing (misconfigured): the comm servers still refuse the rogue.
  const coordinator = await coordinatorFor(t);
  const honest = await serverFor(t, coordinator, securedServer(SECRET));
  const client = await clientFor(t, coordinator);
  const inbox = new Inbox(client);
  client.subscribe('secrets');

  const closed = nextEvent<[Peer, PeerCloseReason]>(honest, 'peerClosed');
  const rogue = await serverFor(t, coordinator, { ...securedServer('a wrong secret'), serverId: 'rogue' });
  const rogueGaveUp = nextEvent<[Peer, PeerCloseReason]>(rogue, 'peerClosed');
  const [peer, reason] = await closed;
  assert.equal(reason, 'auth-failed');
  assert.equal(peer.alias, rogue.alias);
  // The rogue's side ends too (CONNECTION_REFUSED AUTH_FAILED, or the closed channels, whichever comes first).
  assert.ok(['signaling-error', 'channel-closed', 'ice-failed'].includes((await rogueGaveUp)[1]));
  assert.equal(honest.linkedServers().length, 0);
  assert.equal(rogue.linkedServers().length, 0);
  assert.equal(rogue.topicCount, 0, 'the rogue never learnt any topic');

  // An unsecured rogue (empty AUTH body) is refused the same way; the honest server keeps serving.
  const closedAgain = nextEvent<[Peer, PeerCloseReason]>(honest, 'peerClosed');
  await serverFor(t, coordinator, {});
  assert.equal((await closedAgain)[1], 'auth-failed');
  await client.ping();
  assert.equal(inbox.messages.length, 0);
});
