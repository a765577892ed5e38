// The comm server's --heap-growing-percent bounds the old generation: garbage
// promoted out of the young generation is collected at 1.2 x the live size
// instead of piling up (docs/CONFIGURATION.md, Memory). In child processes:
// V8 flags are process-wide.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { requestedSemiSpaceMib, startupSemiSpaceMib } from '../../cli/node-flags.js';
import { startCommServerProcess } from '../../shared/processes.js';
import { startCluster } from '../helpers/cluster.js';
import { V8_FLAGS_TRACE_FILE, v8FlagsTraceImport } from '../helpers/v8-flags-trace.js';
import { YOUNG_GENERATION_LINE, youngGenerationProbeImport } from '../helpers/young-generation-probe.js';

const churn = fileURLToPath(new URL('../helpers/old-generation-churn.js', import.meta.url));
const run = promisify(execFile);

async function largestOldGeneration(percent: number): Promise<number> {
  // A 1 MiB young generation promotes the medium-lived objects quickly, as a loaded comm server's does.
  const { stdout } = await run(process.execPath, ['--max-semi-space-size=1', churn, String(percent)], { timeout: 60_000 });
  return (JSON.parse(stdout) as { largestOldBytes: number }).largestOldBytes;
}

test('--heap-growing-percent 20 keeps promoted garbage from growing the old generation; 0 leaves V8 its own policy', { timeout: 120_000 }, async () => {
  const bounded = await largestOldGeneration(20);
  const v8Default = await largestOldGeneration(0);
  // Seen: 28 MiB against 80 MiB (about 10 MiB of it live).
  assert.ok(bounded < v8Default * 0.6, `old generation at most ${(bounded / 2 ** 20).toFixed(1)} MiB with 20%, ${(v8Default / 2 ** 20).toFixed(1)} MiB with V8's policy`);
});

test('the commserver command sets the flag in its own process: 20 by default, the option value, none for 0', { timeout: 60_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'v8-flags-'));
  const cluster = await startCluster({ servers: 0 });
  try {
    const flagsSet = async (args: string[]): Promise<string> => {
      const traceFile = join(dir, `flags-${args.join('') || 'default'}`);
      await writeFile(traceFile, '');
      const { process: server } = await startCommServerProcess({
        coordinatorUrl: cluster.coordinator.url, args, stderr: 'ignore',
        nodeArgs: ['--import', v8FlagsTraceImport],
        env: { ...process.env, [V8_FLAGS_TRACE_FILE]: traceFile },
      });
      await server.kill();
      return readFile(traceFile, 'utf8');
    };
    assert.equal(await flagsSet([]), '--heap-growing-percent=20\n');
    assert.equal(await flagsSet(['--heap-growing-percent', '35']), '--heap-growing-percent=35\n');
    assert.equal(await flagsSet(['--heap-growing-percent', '0']), '');
  } finally {
    await cluster.close();
    await rm(dir, { recursive: true, force: true });
  }
});

test('every comm server process gets the young-generation cap of --max-semi-space-size itself: 4 MiB by default, the option, V8\'s for 0', { timeout: 120_000 }, async () => {
  const cluster = await startCluster({ servers: 0 });
  try {
    const MiB = 2 ** 20;
    /** The new space (two semi-spaces) a plain `broker commserver` process made to fill it settles at. */
    const settledNewSpace = async (args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ bytes: number; flags: string }> => {
      const { process: server, pid } = await startCommServerProcess({
        coordinatorUrl: cluster.coordinator.url, args, stderr: 'ignore', nodeArgs: ['--import', youngGenerationProbeImport], env,
      });
      try {
        // With process.execve (Node 22.15, 23.11 and later) the process starts itself again in place;
        // else the started one supervises it, and stays small: it restarted before loading the commands.
        if ('execve' in process) assert.equal(pid, server.pid);
        else if (pid !== server.pid) {
          const ownMemory = Number(/^RssAnon:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))?.[1]) * 1024;
          assert.ok(ownMemory < 16 * MiB, `the supervising process holds ${(ownMemory / MiB).toFixed(1)} MiB of its own`);
        }
        process.kill(pid, 'SIGUSR2');
        const [, bytes, probedPid, flags] = await server.waitForLine(YOUNG_GENERATION_LINE, { timeoutMs: 30_000 });
        assert.equal(Number(probedPid), pid, 'the process that serves is the one probed');
        return { bytes: Number(bytes), flags };
      } finally {
        await server.kill();
      }
    };
    // Node 20: V8 grows it to 2 x 16 MiB, Node 24 further; 2 x 4 MiB with the cap.
    const v8Default = await settledNewSpace(['--max-semi-space-size', '0']);
    assert.ok(v8Default.bytes > 8 * MiB, `V8's own young generation reached ${v8Default.bytes / MiB} MiB`);
    const capped = await settledNewSpace([]);
    assert.equal(capped.bytes, 8 * MiB, `with the node flags ${capped.flags}`);
    // The option wins over a node flag given another way.
    const option = await settledNewSpace(['--max-semi-space-size', '2'], { ...process.env, NODE_OPTIONS: '--max-semi-space-size=16' });
    assert.equal(option.bytes, 4 * MiB, `with the node flags ${option.flags}`);
  } finally {
    await cluster.close();
  }
});

test('the entry reads the cap a comm server command line asks for without yargs: flag, variable, config file, default', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'semi-space-'));
  try {
    const config = join(dir, 'broker.json');
    await writeFile(config, JSON.stringify({ 'max-semi-space-size': 8 }));
    const base = ['commserver', '--coordinator-url', 'ws://127.0.0.1:1'];
    assert.equal(requestedSemiSpaceMib(base, {}), 4);
    assert.equal(requestedSemiSpaceMib([...base, '--max-semi-space-size', '2'], {}), 2);
    assert.equal(requestedSemiSpaceMib([...base, '--max-semi-space-size=0'], { BROKER_MAX_SEMI_SPACE_SIZE: '6' }), 0);
    assert.equal(requestedSemiSpaceMib(base, { BROKER_MAX_SEMI_SPACE_SIZE: '6' }), 6);
    assert.equal(requestedSemiSpaceMib([...base, '--config', config], {}), 8);
    assert.equal(requestedSemiSpaceMib(base, { BROKER_CONFIG: config, BROKER_MAX_SEMI_SPACE_SIZE: '6' }), 6);
    // Left to the command's own parse, which reports a bad value (exit 2) or has nothing to run.
    assert.equal(requestedSemiSpaceMib([...base, '--max-semi-space-size', 'lots'], {}), undefined);
    assert.equal(requestedSemiSpaceMib([...base, '--max-semi-space-size', '300'], {}), undefined);
    assert.equal(requestedSemiSpaceMib([...base, '--config', join(dir, 'missing.json')], {}), undefined);
    assert.equal(requestedSemiSpaceMib([...base, '--help'], {}), undefined);
    assert.equal(requestedSemiSpaceMib([...base, '--print-config'], {}), undefined);
    assert.equal(requestedSemiSpaceMib(['coordinator', '--port', '0'], {}), undefined);
    assert.equal(startupSemiSpaceMib(['--max-semi-space-size=16', '--max_semi_space_size=4'], '--max-semi-space-size=1'), 4, 'the last flag, the command line before NODE_OPTIONS');
    assert.equal(startupSemiSpaceMib([], '--max-semi-space-size=1 --no-warnings'), 1);
    assert.equal(startupSemiSpaceMib(['--no-warnings']), undefined);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
