// Direct-message latency across comm servers: an in-process coordinator,
// three comm servers as child processes (a full mesh), and clients in this
// process on libwebrtc (as the load test's). `npm run bench:direct --
// [messages] [rate]`, one JSON line:
// reliable direct messages from a client on server 1 to one on server 2 at
// `rate` Hz (default 1,000 messages at 50 Hz): the time from send to the
// target's `direct` event (delivery), and to the sender's promise resolving
// (accepted: the target's server queued it and answered); then the same to
// an identity whose two connections are on servers 2 and 3.
import { percentileOf } from '../loadtest/measure.js';
import { rtcFactory } from '../loadtest/rtc.js';
import { serversLinked, startCommServerProcess } from '../shared/processes.js';
import { connectTo, startCluster } from '../test/helpers/cluster.js';

const total = Number(process.argv[2] ?? 1_000);
const rate = Number(process.argv[3] ?? 50);
if (!(total > 0) || !(rate > 0)) {
  process.stderr.write('usage: direct [messages] [rate]\n');
  process.exit(2);
}

const cluster = await startCluster({ servers: 0 });
const servers = await Promise.all([0, 1, 2].map(() => startCommServerProcess({ coordinatorUrl: cluster.coordinator.url, stderr: 'ignore' })));
await Promise.all(servers.map((server) => serversLinked(server.process, 2)));
const rtc = await rtcFactory('wrtc');
const [sender] = await connectTo(cluster, [servers[0].alias], { auth: { body: 'sender' }, rtc });
const targets = await connectTo(cluster, [servers[1].alias, servers[2].alias], { auth: { body: 'target' }, rtc });

const summary = (values: number[]) => ({
  p50: round(percentileOf(values, 50)), p99: round(percentileOf(values, 99)), max: round(Math.max(...values)),
});
const round = (ms: number) => Math.round(ms * 100) / 100;

/** Sends `total` messages at `rate` Hz to `target`; each body is its send time. */
async function measure(target: number | { identity: string }, receivers: typeof targets) {
  const delivered: number[] = [];
  const accepted: number[] = [];
  let failed = 0;
  const onDirect = (event: { body: Uint8Array }) => delivered.push(performance.now() - Number(new TextDecoder().decode(event.body)));
  for (const receiver of receivers) receiver.on('direct', onDirect);
  const pending: Promise<void>[] = [];
  const interval = 1_000 / rate;
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const wait = start + i * interval - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const sentAt = performance.now();
    pending.push(sender.sendTo(target, String(sentAt)).then(() => { accepted.push(performance.now() - sentAt); }, () => { failed++; }));
  }
  await Promise.all(pending);
  await Promise.all(receivers.map((receiver) => receiver.ping()));
  for (const receiver of receivers) receiver.off('direct', onDirect);
  return { sent: total, delivered: delivered.length, failed, deliveryMs: summary(delivered), acceptedMs: summary(accepted) };
}

// The directory reaches server 1 within an interval of the targets' arrival: wait until a message is accepted.
while (!(await sender.sendTo(targets[0].alias, String(performance.now())).then(() => true, () => false))) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
const byAlias = await measure(targets[0].alias, [targets[0]]);
const byIdentity = await measure({ identity: 'target' }, targets);
process.stdout.write(`${JSON.stringify({
  scenario: `${total} reliable direct messages at ${rate} Hz from a client of comm server 1: to a client of server 2 by alias, then to an identity connected to servers 2 and 3`,
  byAlias, byIdentity,
})}\n`);

await Promise.all(servers.map((server) => server.process.kill()));
await cluster.close();
