// The state coordinators share on a real nats-server: aliases unique across
// coordinators and restarts; a coordinator that loses NATS says so (/readyz,
// /metrics, stdout), keeps serving what it can locally, and comes back.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { afterEach, test } from 'node:test';
import { connect } from '@nats-io/transport-node';
import { Kvm } from '@nats-io/kv';
import { BrokerClient } from '../../client/index.js';
import { CommServer } from '../../commserver/index.js';
import { AliasError } from '../../coordinator/alias-allocator.js';
import { ALIAS_BLOCK_SIZE, AliasBlocks } from '../../coordinator/nats/alias-blocks.js';
import { silentLogger } from '../../shared/log.js';
import { startCoordinatorProcess } from '../../shared/processes.js';
import { meshFormed } from '../helpers/cluster.js';
import { NatsServer } from '../helpers/nats-server.js';

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
