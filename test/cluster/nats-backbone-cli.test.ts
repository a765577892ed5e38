// `broker commserver --backbone nats` as users run it: processes on a real
// nats-server link over NATS and carry clients' messages; without NATS the
// command fails with its own exit code, and a missing --nats is a usage error.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { BrokerClient } from '../../client/index.js';
import { serversLinked, startCommServerProcess, startCoordinatorProcess } from '../../shared/processes.js';
import { Inbox, untilRouted } from '../helpers/messages.js';
import { NatsServer, freePort } from '../helpers/nats-server.js';

const brokerEntry = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));

/** Runs `broker commserver` with `args` until it exits (it must, within 15 s): its exit code and stderr. */
async function commServerExit(args: string[]): Promise<{ code: number; stderr: string }> {
  const child = spawn(process.execPath, [brokerEntry, 'commserver', '--coordinator-url', 'ws://127.0.0.1:9', '--log-level', 'error', ...args], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  const [code] = await once(child, 'exit');
  clearTimeout(timer);
  return { code: code as number, stderr };
}

test('comm server processes on the NATS backbone link over NATS and carry messages between their clients', async (t) => {
  const nats = await NatsServer.start({ jetstream: false });
  t.after(() => nats.stop());
  const coordinator = await startCoordinatorProcess({ stderr: 'ignore' });
  t.after(() => coordinator.process.kill());
  const backbone = ['--backbone', 'nats', '--nats', nats.url, '--http-port', '0'];
  const servers = [];
  for (let i = 0; i < 2; i++) {
    const server = await startCommServerProcess({ coordinatorUrl: coordinator.url, stderr: 'ignore', args: backbone });
    t.after(() => server.process.kill());
    servers.push(server);
  }
  await Promise.all(servers.map((server) => serversLinked(server.process, 1)));

  const clients: BrokerClient[] = [];
  while (new Set(clients.map((client) => client.serverAlias)).size < 2) {
    const client = await BrokerClient.connect({ coordinatorUrl: coordinator.url, transport: 'webrtc' });
    t.after(() => client.close());
    if (clients.some((other) => other.serverAlias === client.serverAlias)) client.close();
    else clients.push(client);
  }
  const [publisher, subscriber] = clients as [BrokerClient, BrokerClient];
  const inbox = new Inbox(subscriber);
  subscriber.subscribe('room');
  await untilRouted('room', [publisher], [{ client: subscriber, inbox }]);
  publisher.publish('room', 'across the backbone');
  await inbox.until(() => inbox.texts().includes('across the backbone'));

  // What operators watch: the backbone's counters and the NATS connection, on each server's /metrics and /readyz.
  const publishing = servers.find((server) => server.alias === publisher.serverAlias)!;
  const [, operationsUrl] = await publishing.process.waitForLine(/^operations endpoint on (\S+)/);
  const metrics = await (await fetch(new URL('/metrics', operationsUrl))).text();
  assert.match(metrics, /^broker_commserver_nats_connected 1$/m);
  const published = Number(/^broker_commserver_backbone_messages_total\{direction="published"\} (\d+)$/m.exec(metrics)?.[1]);
  assert.ok(published >= 1, metrics);
  const readiness = await (await fetch(new URL('/readyz', operationsUrl))).json() as { nats?: boolean };
  assert.equal(readiness.nats, true, JSON.stringify(readiness));
});

test('broker commserver --backbone nats: NATS unreachable exits 5; without --nats, a usage error (2)', async () => {
  const unreachable = await commServerExit(['--backbone', 'nats', '--nats', `nats://127.0.0.1:${await freePort()}`, '--nats-connect-timeout-ms', '1000']);
  assert.equal(unreachable.code, 5, unreachable.stderr);
  assert.match(unreachable.stderr, /cannot connect to NATS/);
  const missing = await commServerExit(['--backbone', 'nats']);
  assert.equal(missing.code, 2, missing.stderr);
  assert.match(missing.stderr, /--backbone nats needs --nats/);
});
