// `broker loadtest`: run one scenario with a progress line on stderr,
// print the table, write the JSON and HTML reports, judge the thresholds.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { RuntimeFailure } from '../cli/options.js';
import { PROFILE_DIR_VARIABLE } from './cpu-profile-preload.js';
import { renderHtmlReport } from './report-html.js';
import { resultTable } from './report-table.js';
import { progressDisplay } from './progress.js';
import type { LoadTestResult } from './result.js';
import { runLoadTest } from './run.js';
import { checkThresholds, type ThresholdOutcome } from './thresholds.js';
import { resolveParameters, type LoadParameters, type ScenarioName } from './scenarios.js';

export interface CommandLineRequest extends Partial<Omit<LoadParameters, 'scenario'>> {
  scenario: ScenarioName;
  serverPids?: number[];
  serverArgs?: string[];
  serverCpuProfileDir?: string;
  jsonFile?: string;
  htmlFile?: string;
  /** Without a terminal: seconds between progress lines on stderr (0: none). */
  progressIntervalSeconds?: number;
  /** Threshold flag (`max-p99-ms`) -> the most its figure may be. */
  thresholds?: ReadonlyMap<string, number>;
}

/** The exit code (0, or 130 when stopped by a signal) and the outcome of each threshold given. */
export async function runFromCommandLine(request: CommandLineRequest): Promise<{ exitCode: number; thresholds: ThresholdOutcome[] }> {
  const { scenario, serverPids, serverArgs, serverCpuProfileDir, jsonFile, htmlFile, progressIntervalSeconds, thresholds, ...given } = request;
  const parameters = resolveParameters(scenario, given);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const progress = progressDisplay(process.stderr, { intervalSeconds: progressIntervalSeconds });
  try {
    const measured = await runLoadTest({
      parameters,
      serverArgs,
      serverPids,
      serverEnv: serverCpuProfileDir ? await profilingEnv(serverCpuProfileDir) : undefined,
      onProgress: progress.update,
      signal: abort.signal,
    });
    progress.done();
    const result: LoadTestResult = thresholds?.size ? { ...measured, thresholds: checkThresholds(measured, thresholds) } : measured;
    process.stdout.write(resultTable(result));
    await writeReports(result, { jsonFile, htmlFile });
    return { exitCode: 0, thresholds: result.thresholds ?? [] };
  } catch (error) {
    progress.done();
    if (abort.signal.aborted) {
      process.stderr.write('broker loadtest: stopped\n');
      return { exitCode: 130, thresholds: [] };
    }
    // The command line was valid (resolveParameters above): what failed is the run.
    throw new RuntimeFailure((error as Error).message);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** The comm servers write a .cpuprofile into `directory` when they exit. */
async function profilingEnv(directory: string): Promise<NodeJS.ProcessEnv> {
  const absolute = resolve(directory);
  await mkdir(absolute, { recursive: true });
  const preload = new URL('./cpu-profile-preload.js', import.meta.url).href;
  const inherited = process.env.NODE_OPTIONS ? `${process.env.NODE_OPTIONS} ` : '';
  return { ...process.env, NODE_OPTIONS: `${inherited}--import=${preload}`, [PROFILE_DIR_VARIABLE]: absolute };
}

export async function writeReports(result: LoadTestResult, files: { jsonFile?: string; htmlFile?: string }): Promise<void> {
  if (files.jsonFile) await writeCreatingDirectory(files.jsonFile, `${JSON.stringify(result, null, 2)}\n`);
  if (files.htmlFile) await writeCreatingDirectory(files.htmlFile, renderHtmlReport(result));
}

async function writeCreatingDirectory(file: string, content: string): Promise<void> {
  await mkdir(dirname(resolve(file)), { recursive: true });
  await writeFile(file, content);
}
