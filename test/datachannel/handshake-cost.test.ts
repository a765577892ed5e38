// What a DTLS handshake costs in JavaScript (broker-fix native-ecdhe,
// key-cache, srtp-lazy, debug-summary): the ephemeral key exchange runs in Node's native crypto, and
// the process certificate is parsed once, not once per session (and per
// offer or answer for its fingerprint). Before, about a sixth of a comm
// server's busy time while 200 clients connected at once went to tweetnacl's
// X25519, to signing with a key re-parsed from PEM and to @fidm/x509's ASN.1
// parser.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { RtpHeader, type RtpPacket } from 'werift';
import { connectPair, createWeriftPeerConnection } from './helpers.js';

const require = createRequire(import.meta.url);

interface Nacl {
  scalarMult(n: Uint8Array, p: Uint8Array): Uint8Array;
  box: { keyPair(): { publicKey: Uint8Array; secretKey: Uint8Array } };
}
interface P256 {
  utils: { randomPrivateKey(): Uint8Array };
  getPublicKey(privateKey: Uint8Array, compressed: boolean): Uint8Array;
  getSharedSecret(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array;
}
interface KeyPair {
  privateKey: Buffer;
  publicKey: Buffer;
}
interface PemParser {
  fromPEM(pem: Buffer): unknown;
}

// The implementations werift used before, as references. werift depends on
// them; they are resolved from werift's own directory.
const weriftDir = dirname(require.resolve('werift'));
const fromWerift = createRequire(join(weriftDir, 'index.js'));
const nacl = fromWerift('tweetnacl') as Nacl;
const { p256 } = fromWerift('@noble/curves/p256') as { p256: P256 };
const x509 = fromWerift('@fidm/x509') as { Certificate: PemParser; PrivateKey: PemParser };
// The CommonJS build's key exchange (the ES module bundle has the same code
// and is exercised by every handshake below and in the other tests).
const { generateKeyPair } = fromWerift('../../dtls/src/cipher/namedCurve.js') as { generateKeyPair(curve: number): KeyPair };
const { prfPreMasterSecret } = fromWerift('../../dtls/src/cipher/prf.js') as {
  prfPreMasterSecret(publicKey: Buffer, privateKey: Buffer, curve: number): Buffer;
};

const X25519 = 29;
const SECP256R1 = 23;

test('werift ECDHE agrees with the pure-JS implementations it replaced (X25519, P-256)', () => {
  for (let round = 0; round < 20; round++) {
    const ours = generateKeyPair(X25519);
    const theirs = nacl.box.keyPair();
    assert.equal(ours.publicKey.length, 32);
    const secret = prfPreMasterSecret(Buffer.from(theirs.publicKey), ours.privateKey, X25519);
    assert.deepEqual(secret, Buffer.from(nacl.scalarMult(theirs.secretKey, ours.publicKey)));

    const ourP256 = generateKeyPair(SECP256R1);
    const theirP256 = p256.utils.randomPrivateKey();
    assert.equal(ourP256.publicKey.length, 65, 'uncompressed point');
    const p256Secret = prfPreMasterSecret(Buffer.from(p256.getPublicKey(theirP256, false)), ourP256.privateKey, SECP256R1);
    assert.deepEqual(p256Secret, Buffer.from(p256.getSharedSecret(theirP256, ourP256.publicKey)).subarray(1));
  }
});

test('werift handshakes run no pure-JS X25519 and do not parse the certificate again', { timeout: 30_000 }, async () => {
  // The first connection makes (and parses) the process certificate.
  const first = await connectPair('werift', 'werift', { reliable: {} });
  await first.close();
  const calls = { scalarMult: 0, keyPair: 0, certificate: 0, privateKey: 0 };
  const originals = { scalarMult: nacl.scalarMult, keyPair: nacl.box.keyPair, certificate: x509.Certificate.fromPEM, privateKey: x509.PrivateKey.fromPEM };
  nacl.scalarMult = (n, p) => (calls.scalarMult++, originals.scalarMult(n, p));
  nacl.box.keyPair = () => (calls.keyPair++, originals.keyPair());
  x509.Certificate.fromPEM = (pem) => (calls.certificate++, originals.certificate.call(x509.Certificate, pem));
  x509.PrivateKey.fromPEM = (pem) => (calls.privateKey++, originals.privateKey.call(x509.PrivateKey, pem));
  try {
    // 5 pairs: 10 DTLS sessions, client and server.
    for (let index = 0; index < 5; index++) {
      const pair = await connectPair('werift', 'werift', { reliable: {} });
      await pair.close();
    }
    assert.equal(calls.scalarMult, 0, 'no tweetnacl scalarMult');
    assert.equal(calls.keyPair, 0, 'no tweetnacl key pair');
    assert.equal(calls.certificate, 0, 'certificate PEM not parsed again');
    assert.equal(calls.privateKey, 0, 'private key PEM not parsed again');
  } finally {
    nacl.scalarMult = originals.scalarMult;
    nacl.box.keyPair = originals.keyPair;
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
