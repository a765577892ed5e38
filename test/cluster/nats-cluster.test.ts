// Coordinators on a 3-node NATS cluster (JetStream buckets with 3 replicas),
// one NATS node SIGKILLed mid-traffic: connected clients lose no reliable
// message, and afterwards comm servers register through both coordinators,
// join the mesh, and clients of each coordinator reach servers of the other.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { afterEach, test } from 'node:test';
import { CommServer } from '../../commserver/index.js';
import { startCoordinatorProcess } from '../../shared/processes.js';
import { meshFormed } from '../helpers/cluster.js';
import { clientOn } from './client-on.js';
import { Inbox, untilRouted } from '../helpers/messages.js';
import { startNatsCluster } from '../helpers/nats-server.js';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function commServer(coordinatorUrls: string[]): Promise<CommServer> {
  const server = new CommServer({ coordinatorUrl: coordinatorUrls, limits: { coordinatorRetryMinMs: 50, coordinatorRetryMaxMs: 500 } });
  cleanups.push(() => server.close());
  const registered = once(server, 'registered', { signal: AbortSignal.timeout(STEP_TIMEOUT_MS) });
  server.start();
  await step(registered, `comm server registered through ${coordinatorUrls.join(', ')}`);
  return server;
}

/** Each step gets its own bound, so a hang names the step instead of running into the test's timeout. */
const STEP_TIMEOUT_MS = 30_000;
async function step<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not done within ${STEP_TIMEOUT_MS} ms: ${what}`)), STEP_TIMEOUT_MS);
  });
  try {
    return await Promise.race([promise, timedOut]);
  } catch (error) {
    throw error instanceof Error && error.name === 'AbortError' ? new Error(`not done within ${STEP_TIMEOUT_MS} ms: ${what}`) : error;
  } finally {
    clearTimeout(timer);
  }
}

test('a NATS node SIGKILLed mid-traffic: nothing lost, and servers and clients still join across both coordinators', { timeout: 120_000 }, async () => {
  const nodes = await startNatsCluster(3);
  for (const node of nodes) cleanups.push(() => node.stop());
  const natsArgs = nodes.flatMap((node) => ['--nats', node.url]);
  const coordinators = [];
  for (let i = 0; i < 2; i++) {
    const coordinator = await startCoordinatorProcess({
      stderr: 'ignore', args: [...natsArgs, '--nats-replicas', '3', '--nats-registry-ttl-ms', '3000', '--nats-reconnect-max-ms', '500'],
    });
    cleanups.push(() => coordinator.process.kill());
    coordinators.push(coordinator);
  }
  const [a, b] = coordinators;
  const s1 = await commServer([a!.url, b!.url]);
  const s2 = await commServer([b!.url, a!.url]);
  await step(meshFormed([s1, s2]), 'mesh of s1, s2');
  const publisher = await step(clientOn(a!.url, s2, cleanups), 'a client through a on s2');
  const subscriber = await step(clientOn(b!.url, s1, cleanups), 'a client through b on s1');
  const inbox = new Inbox(subscriber);
  subscriber.subscribe('stream');
  await step(untilRouted('stream', [publisher], [{ client: subscriber, inbox }]), 'routing of stream');

  const total = 300;
  for (let seq = 0; seq < total; seq++) {
    publisher.publish('stream', `m${seq}`);
    if (seq === 100) await nodes[0]!.kill();
    await new Promise((resolve) => setImmediate(resolve));
  }
  const stream = () => inbox.texts().filter((text) => text.startsWith('m'));
  await inbox.until(() => stream().length >= total, STEP_TIMEOUT_MS);
  assert.deepEqual(stream(), Array.from({ length: total }, (_, seq) => `m${seq}`), 'every message once, in order');

  // The registry and the relay work on the two nodes left: a server registers through each coordinator and joins the mesh.
  const s3 = await commServer([a!.url]);
  const s4 = await commServer([b!.url]);
  await step(meshFormed([s1, s2, s3, s4]), 'mesh of four after the NATS node died');
  const viaA = await step(clientOn(a!.url, s4, cleanups), 'a client through a on s4');
  const viaB = await step(clientOn(b!.url, s3, cleanups), 'a client through b on s3');
  const inboxA = new Inbox(viaA);
  viaA.subscribe('after');
  await step(untilRouted('after', [viaB], [{ client: viaA, inbox: inboxA }]), 'routing between clients of both coordinators');
});
