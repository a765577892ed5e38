// A comm server that stops tells its clients at once (SCTP ABORT), instead of
// leaving them to find out when ICE consent expires, 30 s later.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { BrokerClientError } from '../../client/index.js';
import { startCluster } from '../helpers/cluster.js';

test('clients see their comm server close', { timeout: 10_000 }, async () => {
  const cluster = await startCluster({ servers: 1 });
  try {
    const clients = await Promise.all([cluster.connect(), cluster.connect()]);
    const closed = clients.map((client) => new Promise<BrokerClientError>((resolve) => client.once('close', resolve)));
    await cluster.servers[0].close();
    for (const error of await Promise.all(closed)) assert.equal(error.code, 'CLOSED');
  } finally {
    await cluster.close();
  }
});
