// `npm run bench`: the standard load-test set, one run after another, each
// writing JSON and HTML under bench-results/, then a summary table.
//
//   node dist/loadtest/bench.js [--only dense-100,...] [--out DIR] [--rtc wrtc|werift]
//
// The clients default to libwebrtc (@roamhq/wrtc): on a 2-core host the
// generator shares the cores with the servers it measures, and libwebrtc
// clients cost it about half the CPU of werift ones for the same traffic.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeReports } from './command-line.js';
import { summaryMarkdown, summaryTable } from './report-table.js';
import type { LoadTestResult } from './result.js';
import { runLoadTest } from './run.js';
import { resolveParameters, type LoadParameters, type RtcKind, type ScenarioName } from './scenarios.js';

interface BenchRun {
  name: string;
  scenario: ScenarioName;
  parameters: Partial<Omit<LoadParameters, 'scenario'>>;
}

const MEASURED_SECONDS = 10;

export const STANDARD_SET: BenchRun[] = [
  ...[20, 50, 100, 200].map((clients) => ({
    name: `dense-${clients}`, scenario: 'dense' as const, parameters: { clients, durationSeconds: MEASURED_SECONDS },
  })),
  { name: 'fanout-50', scenario: 'fanout', parameters: { clients: 50, durationSeconds: MEASURED_SECONDS } },
  { name: 'mesh-30x3', scenario: 'mesh', parameters: { clients: 30, servers: 3, durationSeconds: MEASURED_SECONDS } },
  { name: 'storm-200', scenario: 'storm', parameters: { clients: 200 } },
];

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    out: { type: 'string', default: 'bench-results' },
    rtc: { type: 'string', default: 'wrtc' },
  },
});
const only = values.only?.split(',');
const runs = STANDARD_SET.filter((run) => !only || only.includes(run.name));
const completed: Array<{ name: string; result: LoadTestResult }> = [];
const failed: string[] = [];
const abort = new AbortController();
process.once('SIGINT', () => abort.abort());

for (const run of runs) {
  if (abort.signal.aborted) break;
  const parameters = resolveParameters(run.scenario, { ...run.parameters, rtc: values.rtc as RtcKind });
  process.stderr.write(`${run.name} ...\n`);
  try {
    const result = await runLoadTest({ parameters, signal: abort.signal });
    await writeReports(result, { jsonFile: join(values.out, `${run.name}.json`), htmlFile: join(values.out, `${run.name}.html`) });
    completed.push({ name: run.name, result });
  } catch (error) {
    failed.push(`${run.name}: ${(error as Error).message}`);
  }
}

await writeFile(join(values.out, 'summary.md'), summaryMarkdown(completed));
process.stdout.write(summaryTable(completed));
for (const failure of failed) process.stdout.write(`failed ${failure}\n`);
process.exitCode = failed.length > 0 || abort.signal.aborted ? 1 : 0;
