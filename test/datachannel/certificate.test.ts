// Our DTLS certificate (shared/self-signed-certificate.ts) in real handshakes,
// and broker-fix(lazy-x509): werift loads @peculiar/x509 only to make a
// certificate of its own.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { RTCDtlsTransport } from '#werift';
import { installWeriftCertificate, weriftFactory } from '../../shared/rtc-werift.js';
import { MODULE_TRACE_FILE, moduleTraceImport, tracedModules } from '../helpers/module-trace.js';
import { connectPair, type PeerKind } from './helpers.js';

const run = promisify(execFile);

function sdpFingerprint(sdp: string): string {
  const match = /a=fingerprint:sha-256 (\S+)/.exec(sdp);
  assert.ok(match, 'the SDP carries a sha-256 fingerprint');
  return match[1]!.toUpperCase();
}

const processCertificate = () => RTCDtlsTransport.localCertificate;

test('weriftFactory gives werift our certificate, once per process', () => {
  assert.equal(processCertificate(), undefined);
  const pc = weriftFactory({ iceServers: [] });
  void pc.close();
  const installed = processCertificate();
  assert.ok(installed);
  assert.equal(new X509Certificate(installed.certPem).subject, 'CN=webrtc-broker');
  installWeriftCertificate();
  assert.equal(processCertificate(), installed);
});

for (const [offerer, answerer] of [['werift', 'wrtc'], ['wrtc', 'werift']] as [PeerKind, PeerKind][]) {
  test(`libwebrtc completes DTLS with our certificate, ${offerer} offers`, { timeout: 15_000 }, async () => {
    installWeriftCertificate();
    const ours = new X509Certificate(processCertificate()!.certPem).fingerprint256;
    const pair = await connectPair(offerer, answerer, { reliable: {} });
    try {
      const werift = (pair.offererPc ?? pair.answererPc)!;
      assert.equal(sdpFingerprint(werift.localDescription!.sdp), ours);
      const { offerer: from, answerer: to } = pair.channels.get('reliable')!;
      const received = new Promise<string>((resolve) => to.onMessage((data) => resolve(Buffer.from(data).toString())));
      from.send(Buffer.from('over our certificate'));
      assert.equal(await received, 'over our certificate');
    } finally {
      await pair.close();
    }
  });
}

test('werift loads @peculiar/x509 only when it makes a certificate', { timeout: 30_000 }, async () => {
  const dir = await mkdtemp(join(tmpdir(), 'module-trace-'));
  try {
    const traceFile = join(dir, 'esm');
    const { stdout } = await run(process.execPath, ['--import', moduleTraceImport, '--input-type=module', '-e', `
      const { readFileSync } = await import('node:fs');
      const werift = await import(${JSON.stringify(import.meta.resolve('#werift'))});
      const before = readFileSync(process.env.${MODULE_TRACE_FILE}, 'utf8');
      const keys = await werift.createSelfSignedCertificate({ signature: 3, hash: 4 }, 23);
      process.stdout.write(JSON.stringify({ before, certificate: keys.certPem.startsWith('-----BEGIN CERTIFICATE-----') }));
    `], { env: { ...process.env, [MODULE_TRACE_FILE]: traceFile } });
    const { before, certificate } = JSON.parse(stdout) as { before: string; certificate: boolean };
    assert.match(before, /\/dist\/werift\/index\.mjs/, 'the trace sees werift itself');
    assert.doesNotMatch(before, /@peculiar\/x509/, 'importing werift does not load @peculiar/x509');
    assert.ok(certificate);
    assert.ok(tracedModules(traceFile).some((url) => url.includes('/@peculiar/x509/')), 'making a certificate does');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }

});
