// An original client (the raw protocol of PROTOCOL.md, libwebrtc) through
// either of two coordinators sharing a real nats-server: through the one its
// comm server is attached to, and through the other, where its WELCOME,
// CONNECT, SDP and candidates cross NATS. Nothing on the wire changes.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { BrokerClient, type ReceivedMessage } from '../../client/index.js';
import { CommServer } from '../../commserver/index.js';
import { Coordinator } from '../../coordinator/index.js';
import { NatsCluster } from '../../coordinator/nats/cluster.js';
import { silentLogger } from '../../shared/log.js';
import { RawClient, TOPIC_FW, WELCOME, auth, roundTrip, subscription, text, topic } from '../compat/raw-client.js';
import { LOOPBACK, loopbackWerift } from '../helpers/loopback.js';
import { NatsServer } from '../helpers/nats-server.js';

function nextMessage(client: BrokerClient): Promise<ReceivedMessage> {
  return new Promise((resolve) => client.once('message', resolve));
}

describe('an original client through either of two coordinators sharing NATS', () => {
  let nats: NatsServer;
  const coordinators: Coordinator[] = [];
  let server: CommServer;

  before(async () => {
    nats = await NatsServer.start();
    for (let i = 0; i < 2; i++) {
      const cluster = await NatsCluster.start({
        servers: [nats.url], bucket: 'compat', subjectPrefix: 'compat', registryTtlMs: 5_000, maxServers: 100,
        connectTimeoutMs: 5_000, reconnectMinMs: 100, reconnectMaxMs: 1_000, logger: silentLogger(),
      });
      coordinators.push(await Coordinator.start({ host: LOOPBACK, port: 0, logger: silentLogger(), cluster }));
    }
    // The comm server is attached to the first coordinator only.
    server = new CommServer({ coordinatorUrl: coordinators[0]!.url, rtc: loopbackWerift, logger: silentLogger() });
    const registered = once(server, 'registered');
    server.start();
    await registered;
  });

  after(async () => {
    await Promise.all([...RawClient.open].map((client) => client.close()));
    await server.close();
    await Promise.all(coordinators.map((coordinator) => coordinator.close()));
    await nats.stop();
  });

  for (const [index, where] of [[0, 'its comm server\'s coordinator'], [1, 'the other coordinator']] as const) {
    test(`through ${where}: connects, authenticates, subscribes, receives, publishes`, { timeout: 60_000 }, async () => {
      const coordinator = coordinators[index]!;
      const raw = await RawClient.connect(coordinator.url);
      let ours: BrokerClient | undefined;
      try {
        assert.equal(raw.signalingTypes[0], WELCOME);
        assert.equal(raw.serverAlias, server.alias, 'WELCOME names the comm server, wherever it is attached');
        assert.equal(coordinator.registry.get(raw.alias)?.alias, raw.alias, 'the raw client is attached to the coordinator it dialed');
        await raw.send('reliable', auth(`raw-${index}`));
        await raw.send('reliable', subscription('a b'));
        await roundTrip(raw, 1 + index);

        ours = await BrokerClient.connect({ coordinatorUrl: coordinators[1 - index]!.url, rtc: loopbackWerift });
        ours.subscribe('b');
        await ours.ping();
        ours.publish('a', 'hello raw');
        const forwarded = await raw.next('reliable');
        assert.equal(forwarded.uint(1), TOPIC_FW);
        assert.equal(forwarded.uint(2), ours.alias);
        assert.equal(text(forwarded.bytes(3)), 'hello raw');

        const received = nextMessage(ours);
        await raw.send('reliable', topic('b', 'hello ours'));
        const got = await received;
        assert.equal(got.from, raw.alias);
        assert.equal(text(got.body), 'hello ours');
        raw.assertHealthy();
      } finally {
        ours?.close();
        await raw.close();
      }
    });
  }
});
