// The container healthcheck (dist/cli/healthcheck.js) against real broker
// processes whose operations port is a free one (--http-port 0), found
// through --http-url-file.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { BrokerProcess } from '../../shared/processes.js';

const healthcheck = fileURLToPath(new URL('../../cli/healthcheck.js', import.meta.url));
const run = promisify(execFile);

async function check(...args: string[]): Promise<{ code: number; stdout: string }> {
  try {
    const { stdout } = await run(process.execPath, [healthcheck, ...args], { timeout: 15_000 });
    return { code: 0, stdout };
  } catch (error) {
    return { code: (error as { code: number }).code, stdout: (error as { stdout: string }).stdout };
  }
}

test('healthcheck: healthy once the process wrote its operations URL and is ready; a comm server without its coordinator is not', { timeout: 40_000 }, async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'healthcheck-'));
  const processes: BrokerProcess[] = [];
  t.after(async () => {
    await Promise.all(processes.map((child) => child.stop()));
    await rm(dir, { recursive: true, force: true });
  });
  assert.equal((await check(join(dir, 'none'))).code, 1, 'no URL file yet: unhealthy');

  const coordinatorFile = join(dir, 'coordinator');
  const coordinator = new BrokerProcess(['coordinator', '--port', '0', '--http-port', '0', '--http-url-file', coordinatorFile, '--log-level', 'error'], { stderr: 'ignore' });
  processes.push(coordinator);
  const [, url] = await coordinator.waitForLine(/^operations endpoint on (\S+)/);
  assert.equal((await readFile(coordinatorFile, 'utf8')).trim(), url);
  const healthy = await check(coordinatorFile);
  assert.equal(healthy.code, 0);
  assert.match(healthy.stdout, /^200 /);

  // A comm server whose coordinator is gone: alive (/healthz) but not ready (/readyz 503).
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  const serverFile = join(dir, 'commserver');
  const server = new BrokerProcess([
    'commserver', '--coordinator-url', `ws://127.0.0.1:${port}`, '--http-port', '0', '--http-url-file', serverFile, '--log-level', 'error',
  ], { stderr: 'ignore' });
  processes.push(server);
  await server.waitForLine(/^operations endpoint on /);
  const unready = await check(serverFile);
  assert.equal(unready.code, 1);
  assert.match(unready.stdout, /^503 /);
  assert.equal((await check(serverFile, '/healthz')).code, 0);
});
