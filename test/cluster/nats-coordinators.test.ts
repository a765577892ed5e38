// Several coordinators sharing one NATS (a real nats-server with JetStream):
// comm servers attached to either coordinator form one mesh, clients of
// either coordinator reach servers of the other, and when a coordinator is
// SIGKILLed mid-traffic its comm servers re-attach to the other, connected
// clients lose nothing and new clients keep connecting.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, test, type TestContext } from 'node:test';
import { CommServer } from '../../commserver/index.js';
import { startCoordinatorProcess, type BrokerProcess } from '../../shared/processes.js';
import { meshFormed } from '../helpers/cluster.js';
import { clientOn } from './client-on.js';
import { Inbox, untilRouted } from '../helpers/messages.js';
import { NatsServer } from '../helpers/nats-server.js';

const brokerEntry = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface NatsCluster {
  nats: NatsServer;
  coordinators: Array<{ process: BrokerProcess; url: string }>;
  servers: CommServer[];
}

/** A NATS server, `coordinators` coordinator processes on it, and comm servers in this process, `serversPer` attached to each coordinator. */
async function startNatsCluster(coordinators: number, serversPer: number, coordinatorArgs: string[] = []): Promise<NatsCluster> {
  const nats = await NatsServer.start();
  cleanups.push(() => nats.stop());
  const started = [];
  for (let i = 0; i < coordinators; i++) {
    const coordinator = await startCoordinatorProcess({
      stderr: 'ignore', args: ['--nats', nats.url, '--nats-registry-ttl-ms', '3000', ...coordinatorArgs],
    });
    cleanups.push(() => coordinator.process.kill());
    started.push(coordinator);
  }
  const servers: CommServer[] = [];
  for (let i = 0; i < coordinators; i++) {
    // Its own coordinator first, then the others: where it goes when its own dies.
    const urls = [...started.slice(i), ...started.slice(0, i)].map((coordinator) => coordinator.url);
    for (let j = 0; j < serversPer; j++) {
      const server = new CommServer({ coordinatorUrl: urls, limits: { coordinatorRetryMinMs: 50, coordinatorRetryMaxMs: 300 } });
      cleanups.push(() => server.close());
      servers.push(server);
      const registered = once(server, 'registered');
      server.start();
      await registered;
    }
  }
  await meshFormed(servers);
  return { nats, coordinators: started, servers };
}

test('comm servers attached to two coordinators form one mesh; clients of each coordinator reach servers of the other', async () => {
  const { coordinators: [a, b], servers: [s1, s2] } = await startNatsCluster(2, 1);
  for (const server of [s1!, s2!]) assert.equal(server.linkedServers().length, 1, 'each server linked to the one of the other coordinator');
  // Each client's signaling crosses NATS: it is attached to one coordinator, its server to the other.
  const viaA = await clientOn(a!.url, s2!, cleanups);
  const viaB = await clientOn(b!.url, s1!, cleanups);
  const inboxA = new Inbox(viaA);
  const inboxB = new Inbox(viaB);
  viaA.subscribe('room');
  viaB.subscribe('room');
  await untilRouted('room', [viaA, viaB], [{ client: viaA, inbox: inboxA }, { client: viaB, inbox: inboxB }]);
  viaA.publish('room', 'from a');
  viaB.publish('room', 'from b');
  await inboxA.until(() => inboxA.texts().includes('from b'));
  await inboxB.until(() => inboxB.texts().includes('from a'));
});

test('a coordinator SIGKILLed mid-traffic: no reliable message lost, its servers re-attach to the other, new clients connect', async (t: TestContext) => {
  const { coordinators: [a, b], servers: [s1, s2] } = await startNatsCluster(2, 1);
  const both = [a!.url, b!.url];
  const publisher = await clientOn(a!.url, s1!, cleanups);
  const subscriber = await clientOn(b!.url, s2!, cleanups);
  const inbox = new Inbox(subscriber);
  subscriber.subscribe('stream');
  await untilRouted('stream', [publisher], [{ client: subscriber, inbox }]);

  const s1Registered = once(s1!, 'registered');
  const total = 300;
  for (let seq = 0; seq < total; seq++) {
    publisher.publish('stream', `m${seq}`);
    if (seq === 100) await a!.process.kill();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const stream = () => inbox.texts().filter((text) => text.startsWith('m'));
  await inbox.until(() => stream().length >= total);
  assert.deepEqual(stream(), Array.from({ length: total }, (_, seq) => `m${seq}`), 'every message once, in order');

  const [alias] = await s1Registered;
  t.diagnostic(`server 1 re-attached to the other coordinator as alias ${alias}`);
  assert.equal(s1!.coordinatorConnected, true);
  for (const server of [s1!, s2!]) assert.equal(server.linkedServers().length, 1, 'still one link between the two servers');

  // A new client given both coordinators connects through the live one, to either server.
  for (const server of [s1!, s2!]) {
    const late = await clientOn(both, server, cleanups);
    const lateInbox = new Inbox(late);
    late.subscribe('stream');
    await untilRouted('stream', [publisher], [{ client: late, inbox: lateInbox }]);
  }
  publisher.publish('stream', 'after the kill');
  await inbox.until(() => inbox.texts().includes('after the kill'));
});

test('a coordinator that cannot reach NATS at start exits with code 5 and says why', async () => {
  const child = spawn(process.execPath, [brokerEntry, 'coordinator', '--port', '0', '--nats', 'nats://127.0.0.1:1', '--nats-connect-timeout-ms', '2000'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(child, 'exit');
  assert.equal(code, 5, stderr);
  assert.match(stderr, /broker: cannot connect to NATS at nats:\/\/127\.0\.0\.1:1/);
});
