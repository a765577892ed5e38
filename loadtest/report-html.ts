// A self-contained HTML report of one run: the figures as a table, and
// charts of the latency distribution, latency, deliveries, CPU and server
// memory over time, all inline.
import type { PercentilePoint } from './measure.js';
import { describeRun, resultRows } from './report-table.js';
import type { LoadTestResult } from './result.js';
import { escapeXml, lineChart, type Band, type Series } from './svg-chart.js';

/** Percentiles plotted by their "nines": 90 -> 1, 99 -> 2, 99.9 -> 3. */
const nines = (percentile: number) => -Math.log10(Math.max(1e-6, 1 - percentile / 100));
const NINES_TICKS = [0, 90, 99, 99.9, 99.99, 99.999].map((percentile) => ({ value: nines(percentile), label: `${percentile}%` }));
const MIB = 1024 * 1024;

function percentileChart(title: string, points: PercentilePoint[]): string {
  const finite = points.filter((point) => point.percentile < 100);
  const max = points.find((point) => point.percentile === 100);
  return lineChart({
    title: max ? `${title} (max ${max.ms.toFixed(1)} ms)` : title,
    xLabel: 'percentile',
    yLabel: 'ms',
    series: [{ name: title, points: finite.map((point) => [nines(point.percentile), point.ms]) }],
    xTicks: NINES_TICKS.filter((tick) => tick.value <= nines(finite[finite.length - 1]?.percentile ?? 99.999) + 1e-9),
  });
}

/**
 * The stretches of the time charts that are not the measured window: the
 * drain after publishing stopped, when only late deliveries arrive, so a
 * falling delivery rate there is no fault of the run.
 */
function phaseBands(result: LoadTestResult): Band[] {
  if (result.drainSeconds <= 0) return [];
  const from = result.measuredSeconds;
  return [{ from, to: from + result.drainSeconds, label: 'drain', title: 'drain: publishing had stopped; late deliveries only' }];
}

function chartsOf(result: LoadTestResult): string[] {
  const { charts } = result;
  const bands = phaseBands(result);
  const timeChart = (title: string, yLabel: string, series: Series[]) => lineChart({ title, xLabel: 'seconds since the measured phase began', yLabel, series, bands });
  const rate = charts.deliveries.counts.map((count, bucket) =>
    [(bucket + 0.5) * charts.deliveries.bucketSeconds, count / charts.deliveries.bucketSeconds] as const);
  const midSecond = (second: number) => second + 0.5;
  return [
    percentileChart('end-to-end latency', charts.latencyDistribution),
    timeChart('latency over time (deliveries of each second)', 'ms', [
      { name: 'p50', points: charts.latencyOverTime.map(({ second, p50 }) => [midSecond(second), p50]) },
      { name: 'p99', points: charts.latencyOverTime.map(({ second, p99 }) => [midSecond(second), p99]) },
    ]),
    timeChart('deliveries per second', 'messages/s', [{ name: 'delivered', points: rate }]),
    timeChart('CPU', 'cores', [
      ...charts.serverCpu.map((server) => ({ name: `comm server ${server.pid}`, points: server.points })),
      { name: 'load generator workers', points: charts.generatorCpu },
    ]),
    timeChart('comm server memory (RSS)', 'MiB', charts.serverRss.map((server) => ({
      name: `comm server ${server.pid}`, points: server.points.map(([seconds, bytes]) => [seconds, bytes / MIB] as const),
    }))),
    percentileChart('connection set-up time', charts.setupDistribution),
  ];
}

function summaryTable(result: LoadTestResult): string {
  const rows = resultRows(result).map(([what, figure]) =>
    `<tr${what === 'threshold MISSED' ? ' class="missed"' : ''}><th>${escapeXml(what)}</th><td>${escapeXml(figure)}</td></tr>`);
  return `<table class="summary">\n${rows.join('\n')}\n</table>`;
}

export function renderHtmlReport(result: LoadTestResult): string {
  const title = `broker loadtest ${result.scenario}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeXml(title)}</title>
<style>
  body { font-family: sans-serif; margin: 2em; color: #222; }
  table.summary { border-collapse: collapse; margin: 1em 0; }
  table.summary th, table.summary td { text-align: left; vertical-align: top; padding: 0.2em 1em 0.2em 0; border-bottom: 1px solid #eee; }
  table.summary th { font-weight: normal; color: #555; white-space: nowrap; }
  table.summary tr.missed { color: #b00; font-weight: bold; }
  .charts { display: flex; flex-wrap: wrap; gap: 1em; }
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p>${escapeXml(describeRun(result))}</p>
<p>${escapeXml(`${result.startedAt} on ${result.machine.cores} cores (${result.machine.cpuModel}), Node ${result.machine.node}`)}</p>
${summaryTable(result)}
<div class="charts">
${chartsOf(result).join('\n')}
</div>
</body>
</html>
`;
}
