// Coordinator failover: a nats-server with JetStream, two coordinator
// processes sharing it, and comm server processes attached to each (given
// both coordinator URLs, their own first). SIGKILL the first coordinator,
// then time until each of its comm servers printed its re-registration line
// (attached to the other coordinator) and until a new client, given both
// coordinator URLs and started right after the kill, is connected.
// `npm run bench:failover -- [runs] [servers per coordinator]` (default 5
// runs, 2 servers each), one JSON line per run, then one with the median and
// max of each figure. Every run starts from a fresh NATS and fresh processes;
// everything uses its defaults (registry TTL, retry back-off, client timeouts).
import { BrokerClient } from '../client/index.js';
import { percentileOf } from '../loadtest/measure.js';
import { rtcFactory } from '../loadtest/rtc.js';
import { COMM_SERVER_REGISTERED, serversLinked, startCommServerProcess, startCoordinatorProcess } from '../shared/processes.js';
import { NatsServer } from '../test/helpers/nats-server.js';

const runs = Number(process.argv[2] ?? 5);
const serversPerCoordinator = Number(process.argv[3] ?? 2);
if (!(runs > 0) || !(serversPerCoordinator > 0)) {
  process.stderr.write('usage: coordinator-failover [runs] [servers per coordinator]\n');
  process.exit(2);
}
const rtc = await rtcFactory('wrtc');
const round = (ms: number) => Math.round(ms);

async function failoverRun() {
  const nats = await NatsServer.start();
  const coordinators = await Promise.all([0, 1].map(() => startCoordinatorProcess({ stderr: 'ignore', args: ['--nats', nats.url] })));
  const [killed, survivor] = coordinators;
  const serversOf = (own: typeof killed, other: typeof killed) => Promise.all(Array.from({ length: serversPerCoordinator }, () => (
    startCommServerProcess({ coordinatorUrl: [own.url, other.url], stderr: 'ignore' })
  )));
  const orphans = await serversOf(killed, survivor);
  const others = await serversOf(survivor, killed);
  const servers = [...orphans, ...others];
  await Promise.all(servers.map((server) => serversLinked(server.process, servers.length - 1)));
  try {
    const killedAt = performance.now();
    const reattached = orphans.map(async (server) => {
      await server.process.waitForLine(COMM_SERVER_REGISTERED, { seen: false, timeoutMs: 60_000 });
      return performance.now() - killedAt;
    });
    // Killed before the client starts, so that it cannot reach the first coordinator while it still answers.
    const killing = killed.process.kill();
    const connected = BrokerClient.connect({ coordinatorUrl: [killed.url, survivor.url], rtc, transport: 'webrtc' }).then((client) => {
      const ms = performance.now() - killedAt;
      client.close();
      return ms;
    });
    await killing;
    const reattachedMs = await Promise.all(reattached);
    return { reattachedMs: reattachedMs.map(round), lastReattachedMs: round(Math.max(...reattachedMs)), clientConnectedMs: round(await connected) };
  } finally {
    await Promise.all([...servers, ...coordinators].map((child) => child.process.kill()));
    await nats.stop();
  }
}

const results = [];
for (let run = 1; run <= runs; run++) {
  const result = await failoverRun();
  results.push(result);
  process.stdout.write(`${JSON.stringify({ run, ...result })}\n`);
}
const summary = (values: number[]) => ({ median: round(percentileOf(values, 50)), max: Math.max(...values) });
process.stdout.write(`${JSON.stringify({
  scenario: `SIGKILL of one of 2 coordinators on NATS, ${serversPerCoordinator} comm servers attached to each, ${runs} runs`,
  eachServerReattachedMs: summary(results.flatMap((result) => result.reattachedMs)),
  lastServerReattachedMs: summary(results.map((result) => result.lastReattachedMs)),
  clientConnectedMs: summary(results.map((result) => result.clientConnectedMs)),
})}\n`);
