// Connection set-up: the module `import 'werift'` loads is the patched one,
// no STUN server (hence no DNS lookup) unless configured
// (broker-fix no-default-stun), and 100 simultaneous connections all open.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { connectPair, createWeriftPeerConnection, type ConnectedPair } from './helpers.js';

const require = createRequire(import.meta.url);

test('the ES module and CommonJS builds of werift are both patched', async () => {
  const esmBundle = await readFile(new URL(import.meta.resolve('werift')), 'utf8');
  const cjsAssociation = await readFile(join(dirname(require.resolve('werift')), '../../sctp/src/sctp.js'), 'utf8');
  for (const fix of ['dtls-seq', 'send-wait', 'rtx-storm', 'tsn-order', 'pr-abandon', 'no-default-stun', 'bundle', 'rtx-index', 'send-defer', 'hvr-dup', 'native-ecdhe', 'key-cache', 'candidate-sdp', 'srtp-lazy', 'debug-summary', 'sack-delay', 'sack-bundle', 'event-proto', 'dtls-release', 'consent-request', 'lazy-x509', 'early-dtls', 't3-backoff']) {
    assert.ok(esmBundle.includes(`broker-fix(${fix})`), `lib/index.mjs has ${fix}`);
  }
  for (const fix of ['send-wait', 'bundle', 'rtx-index', 'send-defer', 'sack-delay', 'sack-bundle', 't3-backoff']) {
    assert.ok(cjsAssociation.includes(`broker-fix(${fix})`), `lib/sctp/src/sctp.js has ${fix}`);
  }
  const cjsDtlsClient = await readFile(join(dirname(require.resolve('werift')), '../../dtls/src/client.js'), 'utf8');
  assert.ok(cjsDtlsClient.includes('broker-fix(hvr-dup)'), 'lib/dtls/src/client.js has hvr-dup');
  const cjsDtlsTransport = await readFile(join(dirname(require.resolve('werift')), '../../webrtc/src/transport/dtls.js'), 'utf8');
  for (const fix of ['srtp-lazy', 'early-dtls']) {
    assert.ok(cjsDtlsTransport.includes(`broker-fix(${fix})`), `lib/webrtc/src/transport/dtls.js has ${fix}`);
  }
  for (const file of ['flight/client/flight5.js', 'flight/server/flight6.js', 'context/dtls.js']) {
    const source = await readFile(join(dirname(require.resolve('werift')), '../../dtls/src', file), 'utf8');
    assert.ok(source.includes('broker-fix(debug-summary)'), `lib/dtls/src/${file} has debug-summary`);
  }
  const cjsHeapFiles = {
    '../../common/src/event.js': 'event-proto', 'socket.js': 'dtls-release', 'client.js': 'dtls-release',
    'server.js': 'dtls-release', '../../ice/src/ice.js': 'consent-request',
  };
  for (const [file, fix] of Object.entries(cjsHeapFiles)) {
    const source = await readFile(join(dirname(require.resolve('werift')), '../../dtls/src', file), 'utf8');
    assert.ok(source.includes(`broker-fix(${fix})`), `lib/dtls/src/${file} has ${fix}`);
  }
  const cjsDtlsFiles = [
    ['cipher/ec.js', 'native-ecdhe'], ['cipher/prf.js', 'native-ecdhe'], ['cipher/namedCurve.js', 'native-ecdhe'], ['context/cipher.js', 'key-cache'],
    ['context/cipher.js', 'lazy-x509'], ['cipher/prf.js', 'lazy-x509'], ['cipher/namedCurve.js', 'lazy-x509'],
  ];
  for (const [file, fix] of cjsDtlsFiles) {
    const source = await readFile(join(dirname(require.resolve('werift')), '../../dtls/src', file), 'utf8');
    assert.ok(source.includes(`broker-fix(${fix})`), `lib/dtls/src/${file} has ${fix}`);
  }
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
