// Data-channel benchmark: throughput with every send queued at once, and
// set-up time of many simultaneous connections, for werift (as patched by
// patches/werift/) and libwebrtc (@roamhq/wrtc), on 127.0.0.1.
//
//   npm run bench:datachannel [-- --json FILE]
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  connectPair,
  receiveSequenced,
  sendSequenced,
  type ConnectedPair,
  type PeerKind,
} from '../test/datachannel/helpers.js';

const MESSAGES = 20_000;
const SIZES = [100, 1200];
const DIRECTIONS: [PeerKind, PeerKind][] = [
  ['werift', 'werift'],
  ['werift', 'wrtc'],
  ['wrtc', 'werift'],
];
const CONNECTION_COUNTS = [1, 10, 50, 200];
/** A run that has not finished by then is reported as stalled. */
const RUN_LIMIT_MS = 60_000;

interface ThroughputResult {
  direction: string;
  size: number;
  messages: number;
  delivered: number;
  seconds: number;
  messagesPerSecond: number;
  megabytesPerSecond: number;
  completed: boolean;
}

interface SetupResult {
  connections: number;
  opened: number;
  p50Ms: number;
  p99Ms: number;
  wallMs: number;
  cpuMsPerConnection: number;
  rssMbPerConnection: number;
}

function withLimit<T>(promise: Promise<T>, limitMs: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), limitMs)));
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

async function throughput(from: PeerKind, to: PeerKind, size: number): Promise<ThroughputResult> {
  const pair = await connectPair(from, to, { reliable: {} });
  try {
    const { offerer, answerer } = pair.channels.get('reliable')!;
    const receipt = receiveSequenced(answerer);
    const start = performance.now();
    const outcome = await withLimit(
      Promise.all([sendSequenced(offerer, MESSAGES, size, receipt), receipt.reached(MESSAGES)]),
      RUN_LIMIT_MS,
    );
    const seconds = (performance.now() - start) / 1000;
    return {
      direction: `${from} -> ${to}`,
      size,
      messages: MESSAGES,
      delivered: receipt.received,
      seconds,
      messagesPerSecond: receipt.received / seconds,
      megabytesPerSecond: (receipt.received * size) / seconds / 1e6,
      completed: outcome !== 'timeout' && receipt.outOfOrder === 0,
    };
  } finally {
    await pair.close();
  }
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;
}

async function setup(connections: number): Promise<SetupResult> {
  const rssBefore = process.memoryUsage().rss;
  const cpuBefore = process.cpuUsage();
  const start = performance.now();
  const openTimes: number[] = [];
  const pairs: ConnectedPair[] = [];
  const attempts = Array.from({ length: connections }, async () => {
    const pair = await connectPair('werift', 'werift', { reliable: {} });
    openTimes.push(performance.now() - start);
    pairs.push(pair);
  });
  await withLimit(Promise.allSettled(attempts), RUN_LIMIT_MS * 2);
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuBefore);
  const rssAfter = process.memoryUsage().rss;
  await Promise.all(pairs.map((pair) => pair.close()));
  openTimes.sort((a, b) => a - b);
  return {
    connections,
    opened: openTimes.length,
    p50Ms: percentile(openTimes, 0.5),
    p99Ms: percentile(openTimes, 0.99),
    wallMs,
    cpuMsPerConnection: (cpu.user + cpu.system) / 1000 / connections,
    rssMbPerConnection: (rssAfter - rssBefore) / 1e6 / connections,
  };
}

function printThroughput(results: ThroughputResult[]): void {
  process.stdout.write(`\nThroughput: ${MESSAGES} messages queued at once, ordered reliable channel\n`);
  console.table(
    results.map((r) => ({
      direction: r.direction,
      'size B': r.size,
      delivered: r.completed ? r.delivered : `${r.delivered} (stalled)`,
      's': r.seconds.toFixed(2),
      'msg/s': Math.round(r.messagesPerSecond),
      'MB/s': r.megabytesPerSecond.toFixed(2),
    })),
  );
}

function printSetup(results: SetupResult[]): void {
  process.stdout.write('\nSet-up: N simultaneous werift <-> werift pairs in one process (a pair = 2 peer connections)\n');
  console.table(
    results.map((r) => ({
      pairs: r.connections,
      opened: r.opened,
      'p50 ms': Math.round(r.p50Ms),
      'p99 ms': Math.round(r.p99Ms),
      'all ms': Math.round(r.wallMs),
      'CPU ms/pair': r.cpuMsPerConnection.toFixed(1),
      'RSS MB/pair': r.rssMbPerConnection.toFixed(2),
    })),
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { json: { type: 'string' } } });
  const throughputResults: ThroughputResult[] = [];
  for (const [from, to] of DIRECTIONS) {
    for (const size of SIZES) throughputResults.push(await throughput(from, to, size));
  }
  printThroughput(throughputResults);
  const setupResults: SetupResult[] = [];
  for (const connections of CONNECTION_COUNTS) setupResults.push(await setup(connections));
  printSetup(setupResults);
  if (values.json) {
    const report = {
      node: process.version,
      date: new Date().toISOString(),
      throughput: throughputResults,
      setup: setupResults,
    };
    await writeFile(values.json, `${JSON.stringify(report, null, 2)}\n`);
  }
}

await main();
