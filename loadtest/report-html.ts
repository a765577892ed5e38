// A self-contained HTML report of one run: the figures, and charts of the
// latency distribution, deliveries and CPU over time, all inline.
import type { PercentilePoint } from './measure.js';
import { describeRun, resultTable } from './report-table.js';
import type { LoadTestResult } from './result.js';
import { escapeXml, lineChart } from './svg-chart.js';

/** Percentiles plotted by their "nines": 90 -> 1, 99 -> 2, 99.9 -> 3. */
const nines = (percentile: number) => -Math.log10(Math.max(1e-6, 1 - percentile / 100));
const NINES_TICKS = [0, 90, 99, 99.9, 99.99, 99.999].map((percentile) => ({ value: nines(percentile), label: `${percentile}%` }));

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

function chartsOf(result: LoadTestResult): string[] {
  const { charts } = result;
  const rate = charts.deliveries.counts.map((count, bucket) =>
    [(bucket + 0.5) * charts.deliveries.bucketSeconds, count / charts.deliveries.bucketSeconds] as const);
  return [
    percentileChart('end-to-end latency', charts.latencyDistribution),
    lineChart({ title: 'deliveries per second', xLabel: 'seconds since the measured phase began', yLabel: 'messages/s', series: [{ name: 'delivered', points: rate }] }),
    lineChart({
      title: 'CPU',
      xLabel: 'seconds since the measured phase began',
      yLabel: 'cores',
      series: [
        ...charts.serverCpu.map((server) => ({ name: `comm server ${server.pid}`, points: server.points })),
        { name: 'load generator workers', points: charts.generatorCpu },
      ],
    }),
    percentileChart('connection set-up time', charts.setupDistribution),
  ];
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
  pre { background: #f6f6f6; padding: 1em; overflow-x: auto; }
  .charts { display: flex; flex-wrap: wrap; gap: 1em; }
</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p>${escapeXml(describeRun(result))}</p>
<p>${escapeXml(`${result.startedAt} on ${result.machine.cores} cores (${result.machine.cpuModel}), Node ${result.machine.node}`)}</p>
<pre>${escapeXml(resultTable(result))}</pre>
<div class="charts">
${chartsOf(result).join('\n')}
</div>
</body>
</html>
`;
}
