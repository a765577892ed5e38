// Connection set-up: the werift the broker loads (`#werift`) is our patched copy,
// no STUN server (hence no DNS lookup) unless configured
// (broker-fix no-default-stun), and 100 simultaneous connections all open.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { connectPair, createWeriftPeerConnection, type ConnectedPair } from './helpers.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

test('the werift the broker loads is our patched copy of its ES module bundle, with every fix of the series', async () => {
  const loaded = fileURLToPath(import.meta.resolve('#werift'));
  assert.equal(loaded, join(root, 'dist', 'werift', 'index.mjs'));
  const bundle = await readFile(loaded, 'utf8');
  const series = (await readdir(join(root, 'patches', 'werift'))).filter((name) => name.endsWith('.patch'));
  assert.ok(series.length >= 30, `${series.length} patches`);
  for (const name of series) {
    for (const fix of name.replace(/^\d+-|\.patch$/g, '').split('+')) {
      assert.ok(bundle.includes(`broker-fix(${fix})`), `dist/werift/index.mjs has ${fix} (${name})`);
    }
  }
  // The published werift, which the build starts from, is left as it is.
  const published = await readFile(join(root, 'node_modules', 'werift', 'lib', 'index.mjs'), 'utf8');
  assert.doesNotMatch(published, /broker-fix/);
  assert.ok((await readFile(join(dirname(loaded), 'LICENSE'), 'utf8')).includes('Copyright (c) 2020 shinyoshiaki'));
});

interface IceConnectionInternals {
  stunServer: unknown;
}

test('iceServers: [] gathers host candidates with no STUN server', { timeout: 10_000 }, async () => {
  const pc = createWeriftPeerConnection();
  try {
    const gathered = new Promise<void>((resolve) =>
      pc.iceGatheringStateChange.subscribe((state) => state === 'complete' && resolve()),
    );
    pc.createDataChannel('probe');
    await pc.setLocalDescription(await pc.createOffer());
    await gathered;
    const connection = pc.iceTransports[0]!.connection as unknown as IceConnectionInternals;
    assert.equal(connection.stunServer, undefined);
    assert.match(pc.localDescription!.sdp, /a=candidate:.* 127\.0\.0\.1 \d+ typ host/);
    assert.doesNotMatch(pc.localDescription!.sdp, /typ srflx/);
  } finally {
    await pc.close();
  }
});

test('100 simultaneous werift <-> werift connections all open their channel', { timeout: 60_000 }, async () => {
  const attempts = await Promise.allSettled(
    Array.from({ length: 100 }, () => connectPair('werift', 'werift', { reliable: {} })),
  );
  const pairs = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
  try {
    assert.equal(pairs.length, 100, 'every pair connected');
    const firstMessages = pairs.map(
      (pair: ConnectedPair) =>
        new Promise<void>((resolve) => {
          const { offerer, answerer } = pair.channels.get('reliable')!;
          answerer.onMessage(() => resolve());
          offerer.send(Buffer.from('hello'));
        }),
    );
    await Promise.all(firstMessages);
  } finally {
    await Promise.all(pairs.map((pair) => pair.close()));
  }
});
