// The state coordinators share on a real nats-server: aliases unique across
// coordinators and restarts; a coordinator that loses NATS says so (/readyz,
// /metrics, stdout), keeps serving what it can locally, and comes back; NATS
// credentials and TLS; NATS without JetStream; two clusters apart on one
// NATS; NATS back without its store.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { connect } from '@nats-io/transport-node';
import { Kvm } from '@nats-io/kv';
import { BrokerClient } from '../../client/index.js';
import { CommServer } from '../../commserver/index.js';
import { Coordinator } from '../../coordinator/index.js';
import { AliasError } from '../../coordinator/alias-allocator.js';
import { NatsCluster } from '../../coordinator/nats/cluster.js';
import { ALIAS_BLOCK_SIZE, AliasBlocks } from '../../coordinator/nats/alias-blocks.js';
import { silentLogger } from '../../shared/log.js';
import { startCoordinatorProcess } from '../../shared/processes.js';
import { meshFormed } from '../helpers/cluster.js';
import { NatsServer } from '../helpers/nats-server.js';
import { natsCredentials } from '../helpers/nats-credentials.js';
import { loopbackCertificate } from '../helpers/tls-certificate.js';

const brokerEntry = fileURLToPath(new URL('../../cli/broker.js', import.meta.url));
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function aliasBlocks(url: string): Promise<AliasBlocks> {
  const connection = await connect({ servers: url });
  cleanups.push(() => connection.close());
  const kv = await new Kvm(connection).create('test-aliases', { history: 1 });
  const blocks = new AliasBlocks({ kv, claimed: () => undefined, logger: silentLogger() });
  await blocks.start();
  return blocks;
}

/** The next alias, waiting for a block claim under way when the current block is used up. */
async function nextAlias(blocks: AliasBlocks): Promise<number> {
  try {
    return blocks.next();
  } catch (error) {
    if (!(error instanceof AliasError) || error.code !== 'ALIASES_UNAVAILABLE') throw error;
    await blocks.settled();
    return blocks.next();
  }
}

test('aliases are unique across coordinators sharing NATS, and after a restart above all given before', async () => {
  const nats = await NatsServer.start();
  cleanups.push(() => nats.stop());
  const coordinators = await Promise.all([aliasBlocks(nats.url), aliasBlocks(nats.url)]);
  const given = new Set<number>();
  // Three blocks' worth each, drawn in turn: both claim blocks while the other does.
  for (let i = 0; i < 3 * ALIAS_BLOCK_SIZE; i++) {
    for (const blocks of coordinators) {
      const alias = await nextAlias(blocks);
      assert.ok(Number.isSafeInteger(alias) && alias > 0);
      assert.ok(!given.has(alias), `alias ${alias} given twice`);
      given.add(alias);
    }
  }
  const restarted = await aliasBlocks(nats.url);
  const highest = Math.max(...given);
  for (let i = 0; i < 10; i++) assert.ok((await nextAlias(restarted)) > highest, 'a restarted coordinator starts above every alias given');
});

test('a coordinator that loses NATS: /readyz 503 and nats_connected 0, local clients still served; back: ready again, new servers register', async () => {
  const nats = await NatsServer.start();
  cleanups.push(() => nats.stop());
  const coordinator = await startCoordinatorProcess({
    stderr: 'ignore', args: ['--nats', nats.url, '--nats-registry-ttl-ms', '1000', '--nats-reconnect-max-ms', '500', '--http-port', '0'],
  });
  cleanups.push(() => coordinator.process.kill());
  const [, operations] = await coordinator.process.waitForLine(/^operations endpoint on (\S+)/);
  const server = new CommServer({ coordinatorUrl: coordinator.url });
  cleanups.push(() => server.close());
  const registered = once(server, 'registered');
  server.start();
  await registered;
  const readyz = async () => (await fetch(`${operations}/readyz`)).status;
  const natsConnected = async () => /^broker_coordinator_nats_connected (\d)$/m.exec(await (await fetch(`${operations}/metrics`)).text())?.[1];
  assert.equal(await readyz(), 200);
  assert.equal(await natsConnected(), '1');

  await nats.kill();
  await coordinator.process.waitForLine(/^NATS disconnected/);
  assert.equal(await readyz(), 503);
  assert.equal(await natsConnected(), '0');
  // Its entry in the registry expires (nobody can refresh it): the TTL itself is what this waits for.
  await new Promise((resolve) => setTimeout(resolve, 1_200));
  // The server attached here is still given to clients.
  const client = await BrokerClient.connect({ coordinatorUrl: coordinator.url, transport: 'webrtc' });
  cleanups.push(() => client.close());
  assert.equal(client.serverAlias, server.alias);

  const back = await NatsServer.start({ port: nats.port, storeDir: nats.storeDir });
  cleanups.push(() => back.stop());
  await coordinator.process.waitForLine(/^NATS reconnected/, { seen: false });
  assert.equal(await readyz(), 200);
  assert.equal(await natsConnected(), '1');
  const second = new CommServer({ coordinatorUrl: coordinator.url });
  cleanups.push(() => second.close());
  const secondRegistered = once(second, 'registered');
  second.start();
  await secondRegistered;
  await meshFormed([server, second]);
});

/** Runs `broker coordinator` with `args` until it listens (then stops it) or exits; the exit code (undefined: it listened) and stderr. */
async function coordinatorOutcome(args: string[]): Promise<{ code: number | undefined; stderr: string }> {
  const child = spawn(process.execPath, [brokerEntry, 'coordinator', '--port', '0', '--log-level', 'error', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number);
  const listening = new Promise<void>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('coordinator listening on')) resolve();
    });
  });
  const first = await Promise.race([exited, listening.then(() => undefined)]);
  if (first === undefined) {
    child.kill('SIGTERM');
    await exited;
  }
  return { code: first, stderr };
}

test('NATS with a user and password: the coordinator logs in with --nats-user-file and --nats-password-file, and exits 5 without them', async (t) => {
  const nats = await NatsServer.start({ args: ['--user', 'broker', '--pass', 'nats-secret'] });
  cleanups.push(() => nats.stop());
  const dir = await mkdtemp(join(tmpdir(), 'broker-nats-auth-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await writeFile(join(dir, 'user'), 'broker\n');
  await writeFile(join(dir, 'password'), 'nats-secret\n');
  const withFiles = await coordinatorOutcome(['--nats', nats.url, '--nats-user-file', join(dir, 'user'), '--nats-password-file', join(dir, 'password')]);
  assert.equal(withFiles.code, undefined, withFiles.stderr);
  const without = await coordinatorOutcome(['--nats', nats.url]);
  t.diagnostic(without.stderr.trim());
  assert.equal(without.code, 5, without.stderr);
  assert.match(without.stderr, /cannot connect to NATS/);
});

test('NATS with decentralized authentication: the coordinator logs in with --nats-creds-file, and exits 5 without it', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'broker-nats-creds-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const { serverArgs, credsFile } = await natsCredentials(dir);
  const nats = await NatsServer.start({ args: serverArgs });
  cleanups.push(() => nats.stop());
  const withCreds = await coordinatorOutcome(['--nats', nats.url, '--nats-creds-file', credsFile]);
  assert.equal(withCreds.code, undefined, withCreds.stderr);
  const without = await coordinatorOutcome(['--nats', nats.url]);
  t.diagnostic(without.stderr.trim());
  assert.equal(without.code, 5, without.stderr);
  assert.match(without.stderr, /cannot connect to NATS/);
});

test('NATS without JetStream: the coordinator exits 5, naming the buckets', async () => {
  const nats = await NatsServer.start({ jetstream: false });
  cleanups.push(() => nats.stop());
  const outcome = await coordinatorOutcome(['--nats', nats.url, '--nats-bucket', 'nojs']);
  assert.equal(outcome.code, 5, outcome.stderr);
  assert.match(outcome.stderr, /cannot open the NATS key-value buckets nojs-\*/);
});

test('two clusters on one NATS, with their own bucket and subject prefixes, do not see each other', async () => {
  const nats = await NatsServer.start();
  cleanups.push(() => nats.stop());
  const coordinators: Coordinator[] = [];
  for (const prefix of ['red', 'blue']) {
    const cluster = await NatsCluster.start({
      servers: [nats.url], bucket: prefix, subjectPrefix: prefix, registryTtlMs: 5_000, maxServers: 100,
      connectTimeoutMs: 5_000, reconnectMinMs: 100, reconnectMaxMs: 1_000, logger: silentLogger(),
    });
    const coordinator = await Coordinator.start({ port: 0, logger: silentLogger(), cluster });
    cleanups.push(() => coordinator.close());
    coordinators.push(coordinator);
  }
  const [red, blue] = coordinators;
  const server = new CommServer({ coordinatorUrl: red!.url });
  cleanups.push(() => server.close());
  const registered = once(server, 'registered');
  server.start();
  await registered;
  const client = await BrokerClient.connect({ coordinatorUrl: red!.url, transport: 'webrtc' });
  cleanups.push(() => client.close());
  assert.equal(client.serverAlias, server.alias);
  await assert.rejects(BrokerClient.connect({ coordinatorUrl: blue!.url, transport: 'webrtc', connectAttempts: 1 }), { code: 'NO_SERVER' });
  assert.deepEqual(blue!.cluster!.servers(), []);
});

test('NATS back without its store: the coordinator creates the buckets again, and servers and clients join', async () => {
  const nats = await NatsServer.start();
  cleanups.push(() => nats.stop());
  const coordinator = await startCoordinatorProcess({
    stderr: 'ignore', args: ['--nats', nats.url, '--nats-reconnect-max-ms', '500'],
  });
  cleanups.push(() => coordinator.process.kill());
  await nats.kill();
  await coordinator.process.waitForLine(/^NATS disconnected/);
  const empty = await NatsServer.start({ port: nats.port });
  cleanups.push(() => empty.stop());
  await coordinator.process.waitForLine(/^NATS reconnected/, { seen: false });
  const server = new CommServer({ coordinatorUrl: coordinator.url, limits: { coordinatorRetryMinMs: 50, coordinatorRetryMaxMs: 300 } });
  cleanups.push(() => server.close());
  const registered = once(server, 'registered');
  server.start();
  await registered;
  const client = await BrokerClient.connect({ coordinatorUrl: coordinator.url, transport: 'webrtc' });
  cleanups.push(() => client.close());
  assert.equal(client.serverAlias, server.alias);
});

test('NATS over TLS: the coordinator trusts the NATS server with --nats-tls-ca, and exits 5 without it', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'broker-nats-tls-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const { certPem, keyPem } = await loopbackCertificate();
  await writeFile(join(dir, 'cert.pem'), certPem);
  await writeFile(join(dir, 'key.pem'), keyPem);
  const nats = await NatsServer.start({ args: ['--tls', '--tlscert', join(dir, 'cert.pem'), '--tlskey', join(dir, 'key.pem')] });
  cleanups.push(() => nats.stop());
  const url = `tls://127.0.0.1:${nats.port}`;
  const trusted = await coordinatorOutcome(['--nats', url, '--nats-tls-ca', join(dir, 'cert.pem')]);
  assert.equal(trusted.code, undefined, trusted.stderr);
  const untrusted = await coordinatorOutcome(['--nats', url]);
  assert.equal(untrusted.code, 5, untrusted.stderr);
  assert.match(untrusted.stderr, /cannot connect to NATS .*certificate/);
});

test('a coordinator whose NATS is away still stops cleanly on SIGTERM', async () => {
  const nats = await NatsServer.start();
  cleanups.push(() => nats.stop());
  const coordinator = await startCoordinatorProcess({ stderr: 'ignore', args: ['--nats', nats.url] });
  cleanups.push(() => coordinator.process.kill());
  await nats.kill();
  await coordinator.process.waitForLine(/^NATS disconnected/);
  await coordinator.process.stop(10_000);
  assert.equal(coordinator.process.child.exitCode, 0, 'exited by itself, not killed');
});
