// --max-pending-setups: a burst of CONNECTs is set up a few at a time, and
// every client gets in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CommServer } from '../../commserver/index.js';
import type { RtcFactory } from '../../shared/rtc.js';
import { weriftFactory } from '../../shared/rtc-werift.js';
import { startCluster } from '../helpers/cluster.js';

test('10 clients connecting at once with --max-pending-setups 3 are set up at most 3 at a time', { timeout: 60_000 }, async () => {
  let server: CommServer | undefined;
  let mostAtOnce = 0;
  // Called by the server for each set-up it starts, before the new peer is counted.
  const countingRtc: RtcFactory = (config) => {
    const underWay = [...server!.peers.values()].filter((peer) => !peer.authenticated && !peer.closed && peer.direction === 'incoming').length;
    mostAtOnce = Math.max(mostAtOnce, underWay + 1);
    return weriftFactory(config);
  };
  const cluster = await startCluster({ servers: 0 });
  try {
    server = await cluster.addServer({ rtc: countingRtc, limits: { maxPendingSetups: 3, setupSlotMs: 30_000 } });
    const clients = await Promise.all(Array.from({ length: 10 }, () => cluster.connect({ transport: 'webrtc' })));
    assert.equal(clients.length, 10);
    assert.equal([...server.peers.values()].filter((peer) => peer.authenticated).length, 10);
    assert.ok(mostAtOnce <= 3, `at most 3 set-ups at once (saw ${mostAtOnce})`);
    assert.ok(mostAtOnce >= 2, `set-ups overlapped (saw ${mostAtOnce})`);
  } finally {
    await cluster.close();
  }
});
