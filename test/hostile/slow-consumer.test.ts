// A reader that stops reading: a real client in its own process, SIGSTOPped,
// subscribed to topics a publisher floods on `reliable` and `unreliable`.
// The comm server (a child process, so its RSS is its own) must stay under its
// bound while other clients keep receiving. Policy (docs/CONFIGURATION.md):
// reliable overflow disconnects the slow peer (closed as slow-consumer,
// counted and logged); unreliable overflow drops the oldest messages.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { Coordinator } from '../../coordinator/index.js';
import { BrokerClient } from '../../client/index.js';
import { silentLogger } from '../../shared/log.js';
import { Inbox, bodyText } from '../helpers/messages.js';
import { Child } from './child.js';
import { loopbackWerift } from './helpers.js';

const MiB = 1024 * 1024;
const RELIABLE_QUEUE = 1 * MiB;
const UNRELIABLE_QUEUE = 256 * 1024;
const WINDOW = 64 * 1024;
const MESSAGE = 8 * 1024;
const BIG = 32 * 1024;
/** Growth of the comm server's RSS over its pre-flood level that the test tolerates. */
const RSS_BOUND = 40 * MiB;
/** The flood lasts until the stopped unreliable reader was sent this much (at most 25 s). */
const FLOOD_BYTES = 2 * RSS_BOUND;

let coordinator: Coordinator | undefined;
const clients: BrokerClient[] = [];

after(async () => {
  for (const client of clients) client.close();
  await Child.killAll();
  await coordinator?.close();
});

test('a stopped reader cannot grow the comm server past its bound; reliable overflow disconnects it, others keep receiving', { timeout: 90_000 }, async () => {
  coordinator = await Coordinator.start({ port: 0, logger: silentLogger() });
  const server = Child.commServer(coordinator.url, [
    '--reliable-queue-bytes', String(RELIABLE_QUEUE), '--unreliable-queue-bytes', String(UNRELIABLE_QUEUE),
    '--send-window-bytes', String(WINDOW),
  ]);
  await server.stdout(/^comm server registered as alias (\d+)/);

  // slowR takes the reliable flood, slowU only the unreliable one.
  const slowR = Child.slowClient(coordinator.url, ['flood-r']);
  const slowU = Child.slowClient(coordinator.url, ['flood-u']);
  const [, slowRAlias] = await slowR.stdout(/^ready (\d+)/);
  const [, slowUAlias] = await slowU.stdout(/^ready (\d+)/);

  const connect = async () => {
    const client = await BrokerClient.connect({ coordinatorUrl: coordinator!.url, rtc: loopbackWerift, transport: 'webrtc', reconnect: { enabled: false } });
    clients.push(client);
    return client;
  };
  const publisher = await connect();
  const reader = await connect();
  const inbox = new Inbox(reader);
  reader.subscribe('flood-r');
  await reader.ping();
  publisher.publish('flood-r', 'warm-up');
  await inbox.until((messages) => messages.some((m) => bodyText(m) === 'warm-up'));

  slowR.signal('SIGSTOP');
  slowU.signal('SIGSTOP');
  const baseline = server.rss();

  // Flood: every 10 ms, 2 reliable messages of 8 KiB and 6 unreliable ones of 32 KiB, until FLOOD_BYTES were sent.
  const body = new Uint8Array(MESSAGE);
  const big = new Uint8Array(BIG);
  const samples: number[] = [];
  let published = { reliable: 0, unreliable: 0 };
  let maxRss = baseline;
  const slowRClosed = server.log({ msg: 'peer closed', alias: Number(slowRAlias), reason: 'slow-consumer' }, 30_000);
  await new Promise<void>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      try {
        for (let i = 0; i < 2; i++) {
          publisher.publish('flood-r', body);
          published.reliable++;
        }
        for (let i = 0; i < 6; i++) {
          publisher.publish('flood-u', big, { reliable: false });
          published.unreliable++;
        }
        const rss = server.rss();
        samples.push(rss);
        maxRss = Math.max(maxRss, rss);
        if (published.unreliable * BIG >= FLOOD_BYTES || Date.now() - started >= 25_000) {
          clearInterval(timer);
          resolve();
        }
      } catch (error) {
        clearInterval(timer);
        reject(error as Error);
      }
    }, 10);
  });
  maxRss = Math.max(maxRss, server.rss());
  const volume = published.reliable * MESSAGE + published.unreliable * BIG;
  console.log(`comm server RSS ${(baseline / MiB).toFixed(1)} MiB before, max ${(maxRss / MiB).toFixed(1)} MiB during a flood of ${(volume / MiB).toFixed(1)} MiB (${published.reliable} reliable + ${published.unreliable} unreliable); samples (MiB): ${samples.filter((_, i) => i % 50 === 0).map((r) => (r / MiB).toFixed(0)).join(' ')}`);

  // Reliable overflow disconnected slowR, logged with its reason (and counted in stats.closed['slow-consumer']).
  await slowRClosed;
  assert.ok(maxRss - baseline < RSS_BOUND, `RSS grew by ${((maxRss - baseline) / MiB).toFixed(1)} MiB, over ${RSS_BOUND / MiB} MiB`);
  assert.ok(published.unreliable * BIG >= FLOOD_BYTES, 'the flood to the stopped reader is twice the bound');

  // slowU is still connected (unreliable overflow drops, never disconnects).
  assert.equal(server.logs({ msg: 'peer closed', alias: Number(slowUAlias) }).length, 0, 'the unreliable slow reader was not disconnected');

  // The fast reader got every reliable message, in order, and still receives.
  await inbox.until((messages) => messages.filter((m) => m.reliable && m.topic === 'flood-r').length === published.reliable + 1, 30_000);
  publisher.publish('flood-r', 'after the flood');
  await inbox.until((messages) => messages.some((m) => bodyText(m) === 'after the flood'));

  // slowU, resumed, received only a fraction of the unreliable flood: the rest was dropped.
  slowU.signal('SIGCONT');
  publisher.publish('flood-u', 'report');
  const [, got] = await slowU.stdout(/^received (\d+)/, 20_000);
  console.log(`the stopped unreliable reader got ${got} of ${published.unreliable} unreliable messages`);
  assert.ok(Number(got) < published.unreliable / 2, `slowU got ${got} of ${published.unreliable}`);
  published = { reliable: 0, unreliable: 0 };
});
