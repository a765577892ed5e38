// A comm server that stops tells its clients at once (SCTP ABORT), instead of
// leaving them to find out when ICE consent expires, 30 s later.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrokerClientError } from '../../client/index.js';
import { startCluster } from '../helpers/cluster.js';

test('clients see their comm server close', { timeout: 10_000 }, async (t) => {
  const cluster = await startCluster({ servers: 1 });
  t.after(() => cluster.close());
  const rehoming = await cluster.connect();
  const final = await cluster.connect({ reconnect: { enabled: false } });
  const disconnected = new Promise<BrokerClientError>((resolve) => rehoming.once('disconnected', resolve));
  const closed = new Promise<BrokerClientError>((resolve) => final.once('close', resolve));
  await cluster.servers[0].close();
  assert.equal((await disconnected).code, 'CLOSED');
  assert.equal((await closed).code, 'CLOSED');
  assert.equal(final.closed, true);
});
