// Many messages queued at once on an ordered reliable channel: all arrive, in
// order, and the run ends (broker-fix send-wait, rtx-storm, pop-reset; the
// small run right after open covers dtls-seq towards libwebrtc).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { connectPair, receiveSequenced, sendSequenced, type PeerKind } from './helpers.js';

const directions: [PeerKind, PeerKind][] = [
  ['werift', 'wrtc'],
  ['wrtc', 'werift'],
  ['werift', 'werift'],
];

async function runOrdered(from: PeerKind, to: PeerKind, count: number, size: number): Promise<void> {
  const pair = await connectPair(from, to, { reliable: {} });
  try {
    const { offerer, answerer } = pair.channels.get('reliable')!;
    const receipt = receiveSequenced(answerer);
    await sendSequenced(offerer, count, size, receipt);
    await receipt.reached(count);
    assert.equal(receipt.received, count);
    assert.equal(receipt.outOfOrder, 0);
  } finally {
    await pair.close();
  }
}

for (const [from, to] of directions) {
  test(`10 messages right after open, ${from} -> ${to}`, { timeout: 15_000 }, () => runOrdered(from, to, 10, 100));
  for (const size of [100, 1200]) {
    test(`20,000 x ${size} B queued at once, ${from} -> ${to}`, { timeout: 60_000 }, () =>
      runOrdered(from, to, 20_000, size),
    );
  }
}
