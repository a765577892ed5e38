// A peer that ignores the comm server's a=max-message-size (65536) and sends
// one data-channel message far over it. The comm server runs in its own
// process with its default limits, as `broker commserver` starts it. Whatever
// the size, it closes that peer as a protocol error, logged with the size it
// had received when it stopped (its SCTP reassembly stops at the limit), and
// keeps serving a bystander pair. Messages over werift's receive window
// (1 MiB) were neither delivered nor closed: the association stalled.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProcessCluster, type ProcessCluster } from './process-cluster.js';
import { RawPeer, frames } from './raw-peer.js';

const MAX_MESSAGE_SIZE = 65_536;

let cluster: ProcessCluster | undefined;

before(async () => {
  cluster = await startProcessCluster();
});

after(async () => {
  await RawPeer.closeAll();
  await cluster?.close();
});

describe('a data-channel message over max-message-size, from a peer that ignores it', () => {
  for (const size of [1_200_000, 4 * 1024 * 1024]) {
    test(`${size} bytes: the peer is closed as a protocol error, others keep being served`, { timeout: 30_000 }, async () => {
      const { coordinatorUrl, server, bystanders } = cluster!;
      const peer = await RawPeer.authenticated(coordinatorUrl);
      peer.ignoreMaxMessageSize();
      peer.send('reliable', frames.topic(bystanders.topic, new Uint8Array(size)));
      const logged = await server.log({ msg: 'closing the peer', alias: peer.alias }, 15_000);
      assert.equal(logged.reason, 'protocol-error');
      const detail = /^reliable channel: message of (\d+) bytes or more is over the limit of 65536 bytes \(max-message-size\)$/;
      assert.match(String(logged.detail), detail);
      // Reassembly stopped at the limit: what the server held is the limit and
      // a fragment (at most twice the limit, were two runs joined by a late one).
      assert.ok(Number(detail.exec(String(logged.detail))![1]) <= 2 * MAX_MESSAGE_SIZE, String(logged.detail));
      await server.log({ msg: 'peer closed', alias: peer.alias, reason: 'protocol-error' });
      assert.equal(server.logs({ msg: 'closing the peer', alias: peer.alias }).length, 1, 'logged once');
      await peer.closed;
      await peer.close();
      assert.equal(server.process.exitCode, null, 'the comm server is running');
      await bystanders.exchange();
    });
  }
});
