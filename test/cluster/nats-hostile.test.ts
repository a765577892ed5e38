// A process on the coordinators' NATS without the cluster secret: the
// signaling it publishes for a peer and the comm server it writes into the
// registry are ignored, while the coordinators' own (sealed) go through.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, test } from 'node:test';
import { connect, headers, type NatsConnection } from '@nats-io/transport-node';
import { Kvm } from '@nats-io/kv';
import { CommServer } from '../../commserver/index.js';
import { Coordinator, type ClusterServer } from '../../coordinator/index.js';
import { blockOf } from '../../coordinator/nats/alias-blocks.js';
import { NatsCluster } from '../../coordinator/nats/cluster.js';
import { SEAL_HEADER } from '../../shared/nats-seal.js';
import { Connect, MessageType, Role, WebRtc, encodeJson } from '../../shared/codec.js';
import { silentLogger } from '../../shared/log.js';
import { connectClient } from '../coordinator/helpers.js';
import { NatsServer } from '../helpers/nats-server.js';

const PREFIX = 'sealed';

describe('NATS traffic without the cluster secret', () => {
  let nats: NatsServer;
  let hostile: NatsConnection;
  const clusters: NatsCluster[] = [];
  const coordinators: Coordinator[] = [];
  const closers: Array<() => Promise<unknown> | unknown> = [];

  before(async () => {
    nats = await NatsServer.start();
    for (let i = 0; i < 2; i++) {
      const cluster = await NatsCluster.start({
        servers: [nats.url], bucket: PREFIX, subjectPrefix: PREFIX, registryTtlMs: 5_000, maxServers: 100, clusterSecret: 'the cluster secret',
        connectTimeoutMs: 5_000, reconnectMinMs: 100, reconnectMaxMs: 1_000, logger: silentLogger(),
      });
      clusters.push(cluster);
      coordinators.push(await Coordinator.start({ port: 0, logger: silentLogger(), cluster }));
    }
    hostile = await connect({ servers: nats.url });
  });

  after(async () => {
    for (const close of closers.reverse()) await close();
    await hostile.close();
    await Promise.all(coordinators.map((coordinator) => coordinator.close()));
    await nats.stop();
  });

  test('forged signaling for a peer is dropped; a coordinator\'s sealed signaling reaches it', async () => {
    const [a, b] = coordinators;
    const x = await connectClient(a!);
    const y = await connectClient(b!);
    closers.push(() => x.peer.close(), () => y.peer.close());
    const subject = `${PREFIX}.signal.${blockOf(x.alias)}.${x.alias}`;
    const forged = WebRtc.encode({ type: MessageType.WEBRTC_OFFER, fromAlias: 5, toAlias: x.alias, data: encodeJson({ type: 'offer', sdp: 'v=0' }) });
    hostile.publish(subject, forged);
    const fakeSeal = headers();
    fakeSeal.set(SEAL_HEADER, `${Date.now()}.${Buffer.alloc(32, 7).toString('base64url')}`);
    hostile.publish(subject, forged, { headers: fakeSeal });
    await hostile.flush();

    // Published after the forgeries: had they been delivered, they would come first.
    y.peer.send(Connect.encode({ type: MessageType.CONNECT, toAlias: x.alias }));
    const first = Connect.decode(await x.peer.nextFrame());
    assert.equal(first.type, MessageType.CONNECT, 'the first frame is the sealed CONNECT');
    assert.equal(first.fromAlias, y.alias);
    assert.equal(clusters[0]!.stats.unsealed, 2);
  });

  test('a comm server written into the registry without a seal is not given to anyone', async () => {
    const kv = await new Kvm(hostile).create(`${PREFIX}-servers`);
    await kv.put('id.ZmFrZQ', JSON.stringify({ alias: 77, role: Role.COMMUNICATION_SERVER, serverId: 'fake', coordinator: 'hostile' }));
    const [a, b] = coordinators;
    const server = new CommServer({ coordinatorUrl: a!.url });
    closers.push(() => server.close());
    const seenByB = new Promise<void>((resolve) => {
      const added = (entry: ClusterServer) => {
        if (entry.serverId !== server.serverId) return;
        clusters[1]!.off('serverAdded', added);
        resolve();
      };
      clusters[1]!.on('serverAdded', added);
    });
    const registered = once(server, 'registered');
    server.start();
    await registered;
    // Written before the real one: the other coordinator has read the forgery by the time it sees the real server.
    await seenByB;
    assert.deepEqual(b!.cluster!.servers().map((entry) => entry.alias), [server.alias]);
    assert.ok(clusters[1]!.stats.ignoredEntries >= 1);
  });
});
