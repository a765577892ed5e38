// /readyz of comm server processes: not ready before linked to the
// coordinator and the mesh, ready after.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { test } from 'node:test';
import { BrokerProcess, serversLinked, startCoordinatorProcess } from '../../shared/processes.js';

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  server.close();
  await once(server, 'close');
  return port;
}

async function readyz(url: string): Promise<number> {
  return (await fetch(`${url}/readyz`)).status;
}

test('/readyz is 503 until the comm server is linked to the coordinator and the mesh', { timeout: 60_000 }, async (t) => {
  const port = await freePort();
  const coordinatorUrl = `ws://127.0.0.1:${port}`;
  const servers = [0, 1].map(() => new BrokerProcess(
    ['commserver', '--coordinator-url', coordinatorUrl, '--http-port', '0', '--log-level', 'silent', '--coordinator-retry-max-ms', '200'],
    { stderr: 'ignore' },
  ));
  t.after(() => Promise.all(servers.map((server) => server.kill())));
  const endpoints = await Promise.all(servers.map(async (server) => (await server.waitForLine(/^operations endpoint on (\S+)/))[1]));

  for (const url of endpoints) {
    assert.equal((await fetch(`${url}/healthz`)).status, 200);
    assert.equal(await readyz(url), 503, 'no coordinator yet');
  }

  const coordinator = await startCoordinatorProcess({ port, stderr: 'ignore' });
  t.after(() => coordinator.process.kill());
  await Promise.all(servers.map((server) => serversLinked(server, 1)));
  for (const url of endpoints) assert.equal(await readyz(url), 200);

  const [drained] = servers;
  drained.child.kill('SIGTERM');
  assert.equal(await drained.exited, 0);
  await serversLinked(servers[1], 0);
  assert.equal(await readyz(endpoints[1]), 200, 'a server whose peer left is still ready');
});
