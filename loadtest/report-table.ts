// Plain-text tables of results for the terminal (and the docs).
import type { LoadTestResult, PresenceResult } from './result.js';
import { describeOutcome } from './thresholds.js';

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (value: number) => value.toFixed(value < 10 ? 2 : 1);
const cores = (value: number) => value.toFixed(2);
const count = (value: number) => Math.round(value).toLocaleString('en-US');
const millicores = (value: number) => `${(value * 1000).toFixed(value * 1000 < 1 ? 3 : 2)} millicores`;
const kib = (bytes: number) => `${(bytes / 1024).toFixed(0)} KiB`;
const perClientMemory = ({ rssBytes, addedRssBytes }: { rssBytes: number; addedRssBytes: number }) =>
  `${kib(rssBytes)} of server RSS (${kib(addedRssBytes)} added since before connecting)`;
const percent = (ratio: number) => `${(ratio * 100).toFixed(ratio > 0 && ratio < 0.001 ? 4 : 2)}%`;

function alignColumns(rows: string[][], rightAligned: (column: number) => boolean): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) => row.map((cell, column) => (rightAligned(column) ? cell.padStart(widths[column]) : cell.padEnd(widths[column]))).join('  ').trimEnd())
    .join('\n');
}

export function describeRun(result: LoadTestResult): string {
  const p = result.parameters;
  const target = p.coordinatorUrls?.join(' ') ?? `${p.servers} local comm server${p.servers > 1 ? 's' : ''}`;
  const workers = `${p.workers} ${p.transport === 'ws' ? 'WebSocket' : p.rtc} worker${p.workers > 1 ? 's' : ''}`;
  if (result.scenario === 'presence') {
    return `presence: ${p.clients} clients joining one topic with presence at once (waiting at most ${p.durationSeconds} s), ${target}, ${workers}`;
  }
  const rooms = result.scenario === 'rooms' || result.scenario === 'idle' ? ` in rooms of ${p.roomSize}` : '';
  const traffic = result.scenario === 'idle' ? 'heartbeats only' : `${p.rate}/s x ${p.size} B on ${p.channel}`;
  const heartbeat = p.heartbeatIntervalMs === undefined ? '' : p.heartbeatIntervalMs === 0 ? ', no client heartbeat' : `, client heartbeat every ${p.heartbeatIntervalMs} ms`;
  return `${result.scenario}: ${p.clients} clients${rooms}, ${traffic}, ${p.durationSeconds} s${p.warmupSeconds > 0 ? ` after ${p.warmupSeconds} s warm-up` : ''}, ${target}, ${workers}${p.batch === false ? ', clients without BATCH' : ''}${heartbeat}`;
}

/** The presence scenario's own lines: the clients' lists, and per server its clients, CPU during the joins and presence frames. */
function presenceRows(result: LoadTestResult, presence: PresenceResult): string[][] {
  const { completeMs } = presence;
  const frames = (server: PresenceResult['servers'][number]) => (server.memberDeltaFrames === undefined ? '' : `; MEMBER_DELTA ${
    count(server.memberDeltaFrames)} to ${server.links} link${server.links === 1 ? '' : 's'} (${server.memberDeltaFramesPerLink!.toFixed(1)} per link), MEMBERS ${
    count(server.membersFrames!)}, PRESENCE ${count(server.presenceFrames!)}`);
  return [
    ['lists complete', `${presence.complete} of ${presence.joined} clients (each list: all ${presence.members} members)`],
    ['complete ms', `min ${ms(completeMs.min)}  p50 ${ms(completeMs.p50)}  p90 ${ms(completeMs.p90)}  p99 ${ms(completeMs.p99)}  max ${ms(completeMs.max)} (all joins sent at ${ms(presence.subscribedMs)})`],
    ['seen', `${count(presence.listed)} members in presence() replies, ${count(presence.joinEvents)} join events (${presence.repeatedJoins} repeated), ${
      presence.leaveEvents} leave events${presence.strangers > 0 ? `, ${presence.strangers} members of no client of the run` : ''}`],
    ...(presence.requestErrors > 0 ? [['presence() failed', `${presence.requestErrors} (first: ${presence.firstError})`]] : []),
    ...presence.servers.map((server, i) => {
      const figures = result.servers.find((candidate) => candidate.alias === server.alias);
      const cpu = figures ? `, ${cores(figures.cpuCores)} cores = ${(figures.cpuCores * result.measuredSeconds * 1000).toFixed(0)} CPU ms, ${mib(figures.rssBytes)} RSS` : '';
      return [`comm server ${i + 1}`, `${server.clients} clients${cpu}${frames(server)}`];
    }),
  ];
}

/** One run, one figure per line. */
export function resultTable(result: LoadTestResult): string {
  return `${describeRun(result)}\n${alignColumns(resultRows(result), () => false)}\n`;
}

/** [what, figure] pairs: the lines of resultTable, the rows of the HTML report's summary. */
export function resultRows(result: LoadTestResult): string[][] {
  const connected = ['clients connected', `${result.clients.connected} (${result.clients.failed} failed, ${result.clients.disconnected} disconnected)${
    result.parameters.transport === 'auto' ? `, ${result.clients.overWebSocket} over WebSocket` : ''}`];
  return result.presence ? [
    connected,
    ['joins measured', `${result.measuredSeconds.toFixed(2)} s`],
    ...presenceRows(result, result.presence),
    ['set-up ms', `p50 ${ms(result.setupMs.p50)}  p99 ${ms(result.setupMs.p99)}  max ${ms(result.setupMs.max)}`],
    ...commonRows(result),
  ] : [
    connected,
    ['sent', count(result.sent) + (result.refused > 0 ? ` (${count(result.refused)} refused by the client's queue)` : '')],
    ['expected', count(result.expected)],
    ['delivered', count(result.delivered)],
    ['lost', `${count(result.lost)} (${percent(result.lossRatio)})`],
    ['duplicated', count(result.duplicated)],
    ...(result.unexpected > 0 ? [['unexpected', count(result.unexpected)]] : []),
    ['delivered/s', count(result.deliveredPerSecond)],
    ['latency ms', `p50 ${ms(result.latencyMs.p50)}  p90 ${ms(result.latencyMs.p90)}  p99 ${ms(result.latencyMs.p99)}  max ${ms(result.latencyMs.max)}`],
    ['set-up ms', `p50 ${ms(result.setupMs.p50)}  p99 ${ms(result.setupMs.p99)}  max ${ms(result.setupMs.max)}`],
    ...result.servers.map((server, i) => [
      `comm server ${i + 1}`,
      `${cores(server.cpuCores)} cores, ${mib(server.rssBytes)} RSS (pid ${server.pid}; ${cores(server.setupCpuCores)} cores while connecting)`,
    ]),
    ...(result.perClient ? [['per client', `${perClientMemory(result.perClient)}, ${millicores(result.perClient.cpuCores)} of server CPU (${result.perClient.clients} clients)`]] : []),
    ...commonRows(result),
  ];
}

/** The coordinator, the generator, the host and the verdict. */
function commonRows(result: LoadTestResult): string[][] {
  return [
    ...(result.coordinator ? [['coordinator', `${cores(result.coordinator.cpuCores)} cores, ${mib(result.coordinator.rssBytes)} RSS`]] : []),
    ['generator', `${cores(result.generator.cpuCores)} cores: ${result.generator.workers
      .map((worker) => `${cores(worker.cpuCores)} (loop p99 ${worker.eventLoopDelayP99Ms.toFixed(0)} ms)`).join(', ')}`],
    ['host', `${cores(result.host.busyCores)} of ${result.machine.cores} cores busy (${cores(result.host.otherCores)} outside this run)`],
    ['limited by', result.bottleneck],
    ...result.notes.map((note) => ['note', note]),
    ...(result.thresholds ?? []).map((outcome) => [outcome.met ? 'threshold met' : 'threshold MISSED', describeOutcome(outcome)]),
  ];
}

export const SUMMARY_HEADER = [
  'run', 'clients', 'srv', 'delivered/s', 'lost', 'dup', 'p50 ms', 'p99 ms', 'max ms', 'setup p50', 'setup p99',
  'server cores', 'server RSS', 'generator cores', 'limited by',
];

export function summaryRow(name: string, result: LoadTestResult): string[] {
  return [
    name,
    result.clients.failed > 0 ? `${result.clients.connected}/${result.clients.connected + result.clients.failed}` : String(result.parameters.clients),
    String(result.servers.length || result.parameters.servers),
    count(result.deliveredPerSecond),
    result.expected === 0 ? '-' : percent(result.lossRatio),
    count(result.duplicated),
    ms(result.latencyMs.p50),
    ms(result.latencyMs.p99),
    ms(result.latencyMs.max),
    ms(result.setupMs.p50),
    ms(result.setupMs.p99),
    result.servers.map((server) => cores(server.cpuCores)).join('+'),
    result.servers.map((server) => mib(server.rssBytes).replace(' MiB', '')).join('+') + ' MiB',
    cores(result.generator.cpuCores),
    result.bottleneck,
  ];
}

/** Several runs, one row each. */
export function summaryTable(rows: Array<{ name: string; result: LoadTestResult }>): string {
  return `${alignColumns([SUMMARY_HEADER, ...rows.map(({ name, result }) => summaryRow(name, result))], (column) => column > 0 && column < 14)}\n`;
}

/** The same rows as a Markdown table (docs/performance.md). */
export function summaryMarkdown(rows: Array<{ name: string; result: LoadTestResult }>): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [
    line(SUMMARY_HEADER),
    line(SUMMARY_HEADER.map((_, column) => (column > 0 && column < 14 ? '---:' : '---'))),
    ...rows.map(({ name, result }) => line(summaryRow(name, result))),
  ].join('\n') + '\n';
}
