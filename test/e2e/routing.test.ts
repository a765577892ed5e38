// Coordinator + 3 comm servers + 6 clients, two on each server: topic
// messages on both channels reach exactly the subscribed clients, once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrokerClient, ReceivedMessage } from '../../client/index.js';
import { connectTo, startCluster, type TestCluster } from '../helpers/cluster.js';
import { Inbox, bodyText, isProbe, untilRouted } from '../helpers/messages.js';

describe('a 3-server mesh with 6 clients', () => {
  let cluster: TestCluster;
  let clients: BrokerClient[];
  let inboxes: Inbox[];
  // c0, c1 on server 0; c2, c3 on server 1; c4, c5 on server 2.
  const subscribed = [0, 2, 3, 4];
  const notSubscribed = [1, 5];

  before(async () => {
    cluster = await startCluster({ servers: 3 });
    const [s0, s1, s2] = cluster.servers.map((server) => server.alias!);
    clients = await connectTo(cluster, [s0, s0, s1, s1, s2, s2], { auth: { body: 'user' } });
    inboxes = clients.map((client) => new Inbox(client));
    for (const index of subscribed) clients[index].subscribe(['news', 'fence']);
    for (const index of notSubscribed) clients[index].subscribe('fence');
    await untilRouted('news', clients, subscribed.map((i) => ({ client: clients[i], inbox: inboxes[i] })));
    await untilRouted('fence', clients, clients.map((client, i) => ({ client, inbox: inboxes[i] })));
  });

  after(() => cluster.close());

  test('clients are spread over all servers', () => {
    const servers = cluster.servers.map((server) => server.alias);
    assert.deepEqual(clients.map((client) => servers.indexOf(client.serverAlias)), [0, 0, 1, 1, 2, 2]);
  });

  for (const reliable of [true, false]) {
    test(`${reliable ? 'reliable' : 'unreliable'} messages reach exactly the subscribers, once, never the sender`, async () => {
      const channel = reliable ? 'reliable' : 'unreliable';
      const real = (m: ReceivedMessage) => m.topic === 'news' && !isProbe(m) && m.reliable === reliable;
      for (const [i, client] of clients.entries()) client.publish('news', `${channel} from ${i}`, { reliable });
      // A reliable fence after the burst: anything misrouted would travel the same ordered path before it.
      for (const [i, client] of clients.entries()) client.publish('fence', `fence ${channel} ${i}`);

      const fencesFromAll = (messages: ReceivedMessage[], self: number) =>
        clients.every((_, j) => j === self || messages.some((m) => bodyText(m) === `fence ${channel} ${j}`));
      await Promise.all(clients.map((_, i) => inboxes[i].until((messages) => fencesFromAll(messages, i))));
      await Promise.all(subscribed.map((i) => inboxes[i].until((messages) => messages.filter(real).length >= 5)));

      for (const i of subscribed) {
        const expected = clients.map((_, j) => j).filter((j) => j !== i).map((j) => `${channel} from ${j}`);
        assert.deepEqual(inboxes[i].texts(real).sort(), expected.sort(), `client ${i} got each other message once`);
        for (const message of inboxes[i].messages.filter(real)) {
          assert.equal(message.from, clients[Number(bodyText(message).split(' ').pop())].alias);
        }
      }
      for (const i of notSubscribed) assert.deepEqual(inboxes[i].texts(real), [], `client ${i} is not subscribed`);
    });
  }

  test('TOPIC_IDENTITY carries the identity from AUTH', async () => {
    clients[1].publishWithIdentity('news', 'with identity');
    await Promise.all(subscribed.map((i) => inboxes[i].until((messages) => messages.some((m) => bodyText(m) === 'with identity'))));
    for (const i of subscribed) {
      const message = inboxes[i].messages.find((m) => bodyText(m) === 'with identity')!;
      assert.equal(message.from, clients[1].alias);
      assert.equal(new TextDecoder().decode(message.identity), 'user');
      assert.equal(message.topic, 'news');
    }
  });

  test('unsubscribing stops delivery', async () => {
    clients[4].unsubscribe('news');
    // The echo of a PING on the same ordered channel proves the server applied the SUBSCRIPTION.
    await clients[4].ping();
    // Client 4 was server 2's only subscriber: wait until the others stop routing there.
    const leftNews = (m: ReceivedMessage) => bodyText(m) === 'after unsubscribe';
    clients[0].publish('news', 'after unsubscribe');
    clients[0].publish('fence', 'fence after unsubscribe');
    await inboxes[4].until((messages) => messages.some((m) => bodyText(m) === 'fence after unsubscribe'));
    await inboxes[2].until((messages) => messages.some(leftNews));
    assert.equal(inboxes[4].messages.filter(leftNews).length, 0);
    assert.deepEqual([...clients[4].topics], ['fence']);
  });

  test('ping returns a round-trip time on both channels', async () => {
    for (const reliable of [true, false]) {
      const rtt = await clients[0].ping({ reliable });
      assert.ok(rtt > 0 && rtt < 5_000, `rtt ${rtt}`);
    }
  });
});
