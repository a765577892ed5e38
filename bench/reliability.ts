// What "reliable" delivers when things fail, on a local cluster (an
// in-process coordinator and comm server, plus one comm server as a child
// process, the one that fails). `npm run bench:reliability -- <scenario>`,
// one JSON line per run:
//   kill    SIGKILL of the comm server that holds the publisher and one of
//           two subscribers (both subscribed with `recover`), 2 s into 400
//           reliable messages at 50 Hz: loss, copies and order per subscriber
//   burst   20,000 reliable 100-byte messages published at once under the
//           default rate limits: loss, copies, order, time to flush
//   rehome  N clients (default 20) on a comm server that is SIGKILLed: time
//           from the kill to each one re-homed
import { serversLinked, startCommServerProcess } from '../shared/processes.js';
import { connectTo, startCluster } from '../test/helpers/cluster.js';
import { Inbox, isProbe, untilRouted } from '../test/helpers/messages.js';

const scenario = process.argv[2] ?? 'kill';
if (!['kill', 'burst', 'rehome'].includes(scenario)) {
  process.stderr.write('usage: reliability kill|burst|rehome [clients]\n');
  process.exit(2);
}

const cluster = await startCluster({ servers: 1 });
const victim = await startCommServerProcess({ coordinatorUrl: cluster.coordinator.url, stderr: 'ignore' });
await serversLinked(victim.process, 1);
const survivor = cluster.servers[0];

/** Of `total` messages `m0`.. (padded with spaces): how many arrived, were lost, came twice; whether in order. */
function tally(inbox: Inbox, total: number) {
  const texts = inbox.texts((message) => !isProbe(message)).map((text) => text.trimEnd());
  const seen = new Map<string, number>();
  for (const text of texts) seen.set(text, (seen.get(text) ?? 0) + 1);
  let lost = 0;
  let copies = 0;
  for (let i = 0; i < total; i++) {
    const count = seen.get(`m${i}`) ?? 0;
    if (count === 0) lost++;
    copies += Math.max(0, count - 1);
  }
  const numbers = texts.map((text) => Number(text.slice(1)));
  return { received: texts.length, lost, copies, inOrder: numbers.every((n, i) => i === 0 || n > numbers[i - 1]) };
}

const since = (start: number) => Date.now() - start;

if (scenario === 'kill') {
  const [publisher, onVictim] = await connectTo(cluster, [victim.alias, victim.alias]);
  const [onSurvivor] = await connectTo(cluster, [survivor.alias!]);
  const subscribers = [onSurvivor, onVictim];
  const inboxes = subscribers.map((client) => new Inbox(client));
  const gaps: Array<{ subscriber: string; topic: string; missed: number }> = [];
  onSurvivor.on('gap', (gap) => gaps.push({ subscriber: 'on survivor', ...gap }));
  onVictim.on('gap', (gap) => gaps.push({ subscriber: 'on killed server', ...gap }));
  for (const client of subscribers) client.subscribe('t', { recover: true });
  await untilRouted('t', [publisher], subscribers.map((client, i) => ({ client, inbox: inboxes[i] })));
  const total = 400;
  const rehomed = new Map<unknown, number>();
  let killedAt = 0;
  for (const client of [publisher, onVictim]) client.once('reconnected', () => rehomed.set(client, since(killedAt)));
  let next = 0;
  let threw = 0;
  const ticker = setInterval(() => {
    if (next >= total) return;
    try {
      publisher.publish('t', `m${next}`);
    } catch {
      threw++;
    }
    next++;
  }, 20);
  setTimeout(() => {
    killedAt = Date.now();
    process.kill(victim.pid, 'SIGKILL');
  }, 2_000);
  // Until every message or a gap accounts for all of them, at most 30 s after the last one was published.
  const accounted = (name: string) => (messages: Inbox['messages']) =>
    messages.filter((message) => !isProbe(message)).length
      + gaps.filter((gap) => gap.subscriber === name).reduce((sum, gap) => sum + gap.missed, 0) >= total;
  await Promise.allSettled([
    inboxes[0].until(accounted('on survivor'), total * 20 + 30_000),
    inboxes[1].until(accounted('on killed server'), total * 20 + 30_000),
  ]);
  clearInterval(ticker);
  await publisher.flush();
  await Promise.all(subscribers.map((client) => client.ping()));
  process.stdout.write(`${JSON.stringify({
    scenario: 'SIGKILL of the comm server of the publisher and of one subscriber, 2 s into 400 reliable messages at 50 Hz, subscribers with recover',
    publishThrew: threw, publisherRehomedMs: rehomed.get(publisher), subscriberRehomedMs: rehomed.get(onVictim),
    subscriberOnSurvivor: tally(inboxes[0], total), subscriberOnKilledServer: tally(inboxes[1], total), gaps,
  })}\n`);
} else if (scenario === 'burst') {
  const [publisher] = await connectTo(cluster, [victim.alias]);
  const [subscriber] = await connectTo(cluster, [survivor.alias!]);
  const inbox = new Inbox(subscriber);
  subscriber.subscribe('b');
  await untilRouted('b', [publisher], [{ client: subscriber, inbox }]);
  let disconnected = 0;
  publisher.on('disconnected', () => disconnected++);
  const total = 20_000;
  const start = Date.now();
  for (let i = 0; i < total; i++) publisher.publish('b', `m${i}`.padEnd(100, ' '));
  await publisher.flush();
  const flushedMs = since(start);
  await subscriber.ping();
  process.stdout.write(`${JSON.stringify({
    scenario: '20,000 reliable 100-byte messages published at once, default limits (1,000/s, burst 2,000)',
    disconnected, flushedMs, ...tally(inbox, total),
  })}\n`);
} else {
  const count = Number(process.argv[3] ?? 20);
  const clients = await connectTo(cluster, Array.from({ length: count }, () => victim.alias));
  const start = Date.now();
  const REHOME_LIMIT_MS = 60_000;
  const rehomed = clients.map((client) => new Promise<number | undefined>((resolve) => {
    const timer = setTimeout(resolve, REHOME_LIMIT_MS, undefined);
    client.once('reconnected', () => {
      clearTimeout(timer);
      resolve(since(start));
    });
  }));
  process.kill(victim.pid, 'SIGKILL');
  const outcomes = await Promise.all(rehomed);
  const times = outcomes.filter((time): time is number => time !== undefined).sort((a, b) => a - b);
  process.stdout.write(`${JSON.stringify({
    scenario: `${count} clients on a comm server that is SIGKILLed, default heartbeat (1 s, timeout 5 s)`,
    rehomed: times.length, notRehomedWithin60s: count - times.length, firstMs: times[0], medianMs: times[times.length >> 1], lastMs: times.at(-1),
  })}\n`);
}

await victim.process.kill();
await cluster.close();
process.exit(0);
