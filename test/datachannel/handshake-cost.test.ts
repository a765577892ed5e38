// What a DTLS handshake costs in JavaScript (broker-fix native-ecdhe,
// key-cache, srtp-lazy, debug-summary): the ephemeral key exchange runs in Node's native crypto, and
// the process certificate is parsed once, not once per session (and per
// offer or answer for its fingerprint). Before, about a sixth of a comm
// server's busy time while 200 clients connected at once went to tweetnacl's
// X25519, to signing with a key re-parsed from PEM and to @fidm/x509's ASN.1
// parser.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { RtpHeader, type RtpPacket } from '#werift';
import { connectPair, createWeriftPeerConnection } from './helpers.js';

interface PemParser {
  fromPEM(pem: Buffer): unknown;
}

// The module our werift copy resolves @fidm/x509 to (its certificate parser).
const weriftBundle = fileURLToPath(import.meta.resolve('#werift'));
const x509 = createRequire(weriftBundle)('@fidm/x509') as { Certificate: PemParser; PrivateKey: PemParser };

test('the werift bundle computes ECDHE with Node crypto, not the pure-JS tweetnacl and @noble/curves', () => {
  const source = readFileSync(weriftBundle, 'utf8');
  assert.doesNotMatch(source, /from "tweetnacl"|from "@noble\/curves/);
  assert.match(source, /createECDH\("prime256v1"\)/);
  assert.match(source, /generateKeyPairSyncEc\("x25519"\)/);
});

test('werift handshakes do not parse the certificate again', { timeout: 30_000 }, async () => {
  // The first connection makes (and parses) the process certificate.
  const first = await connectPair('werift', 'werift', { reliable: {} });
  await first.close();
  const calls = { certificate: 0, privateKey: 0 };
  const originals = { certificate: x509.Certificate.fromPEM, privateKey: x509.PrivateKey.fromPEM };
  x509.Certificate.fromPEM = (pem) => (calls.certificate++, originals.certificate.call(x509.Certificate, pem));
  x509.PrivateKey.fromPEM = (pem) => (calls.privateKey++, originals.privateKey.call(x509.PrivateKey, pem));
  try {
    // 5 pairs: 10 DTLS sessions, client and server.
    for (let index = 0; index < 5; index++) {
      const pair = await connectPair('werift', 'werift', { reliable: {} });
      await pair.close();
    }
    assert.equal(calls.certificate, 0, 'certificate PEM not parsed again');
    assert.equal(calls.privateKey, 0, 'private key PEM not parsed again');
  } finally {
    x509.Certificate.fromPEM = originals.certificate;
    x509.PrivateKey.fromPEM = originals.privateKey;
  }
});

interface SdpManagerInternals {
  sdpManager: { _remoteDescription: { toJSON(): unknown } | undefined };
}

// broker-fix(candidate-sdp): addIceCandidate tested for a remote description
// with the public getter, which rebuilt the whole SDP text each time.
test('adding remote ICE candidates does not rebuild the remote SDP', { timeout: 10_000 }, async () => {
  const offerer = createWeriftPeerConnection();
  const answerer = createWeriftPeerConnection();
  try {
    offerer.createDataChannel('probe');
    await offerer.setLocalDescription(await offerer.createOffer());
    await answerer.setRemoteDescription(offerer.localDescription!);
    const remote = (answerer as unknown as SdpManagerInternals).sdpManager._remoteDescription!;
    const toJSON = remote.toJSON.bind(remote);
    let rebuilt = 0;
    remote.toJSON = () => (rebuilt++, toJSON());
    const mid = /a=mid:(\S+)/.exec(offerer.localDescription!.sdp)![1]!;
    for (let index = 0; index < 10; index++) {
      await answerer.addIceCandidate({
        candidate: `candidate:${index + 1} 1 udp 2130706431 127.0.0.1 ${40_000 + index} typ host`, sdpMid: mid, sdpMLineIndex: 0,
      });
    }
    assert.equal(rebuilt, 0);
  } finally {
    await Promise.all([offerer.close(), answerer.close()]);
  }
});

interface DtlsTransportInternals {
  srtp: unknown;
  srtcp: unknown;
  onRtp: { subscribe(listener: (packet: RtpPacket) => void): void };
  sendRtp(payload: Buffer, header: RtpHeader): Promise<number>;
}

function dtlsTransportOf(pc: { dtlsTransports: unknown[] } | undefined): DtlsTransportInternals {
  assert.ok(pc, 'a werift side');
  assert.equal(pc.dtlsTransports.length, 1, 'one bundled transport');
  return pc.dtlsTransports[0] as DtlsTransportInternals;
}

// broker-fix(srtp-lazy): werift negotiates DTLS-SRTP on every connection and
// derived both SRTP sessions' keys as soon as DTLS connected.
test('a data-channel-only connection derives no SRTP keys until the first media packet', { timeout: 10_000 }, async () => {
  const pair = await connectPair('werift', 'werift', { reliable: {} });
  try {
    const sender = dtlsTransportOf(pair.offererPc);
    const receiver = dtlsTransportOf(pair.answererPc);
    assert.equal(sender.srtp, undefined, 'no SRTP session on the offerer');
    assert.equal(receiver.srtp, undefined, 'no SRTP session on the answerer');
    assert.equal(receiver.srtcp, undefined, 'no SRTCP session on the answerer');

    // The first RTP packet makes the keys on both ends, and they agree.
    const received = new Promise<RtpPacket>((resolve) => receiver.onRtp.subscribe(resolve));
    const payload = Buffer.from('lazy keys');
    await sender.sendRtp(payload, new RtpHeader({ payloadType: 96, sequenceNumber: 1, timestamp: 1234, ssrc: 0x1234 }));
    const packet = await received;
    assert.deepEqual(Buffer.from(packet.payload), payload);
    assert.equal(packet.header.ssrc, 0x1234);
    assert.notEqual(sender.srtp, undefined);
    assert.notEqual(receiver.srtp, undefined);
  } finally {
    await pair.close();
  }
});

interface DtlsSessionInternals {
  dtls: { cipher: { cipher: object } };
}

// broker-fix(debug-summary): each handshake hex-dumped its cipher's keys (the
// `summary` getter) as arguments to debug calls that log nothing when the
// DEBUG environment variable does not name werift.
test('a DTLS handshake builds no debug summaries when debug logging is off', { timeout: 20_000 }, async () => {
  const first = await connectPair('werift', 'werift', { reliable: {} });
  const cipher = (dtlsTransportOf(first.offererPc) as unknown as DtlsSessionInternals).dtls.cipher.cipher;
  await first.close();
  let owner: object | null = cipher;
  while (owner && !Object.getOwnPropertyDescriptor(owner, 'summary')) owner = Object.getPrototypeOf(owner) as object | null;
  assert.ok(owner, 'the cipher has a summary getter');
  const original = Object.getOwnPropertyDescriptor(owner, 'summary')!;
  let built = 0;
  Object.defineProperty(owner, 'summary', { ...original, get(this: object) { built++; return original.get!.call(this); } });
  try {
    for (let index = 0; index < 3; index++) {
      const pair = await connectPair('werift', 'werift', { reliable: {} });
      await pair.close();
    }
    assert.equal(built, 0);
  } finally {
    Object.defineProperty(owner, 'summary', original);
  }
});
