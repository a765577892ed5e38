// A self-signed ECDSA P-256 certificate for DTLS, built with Node's crypto.
// WebRTC peers authenticate a certificate by the fingerprint signalled in the
// SDP, not by its contents, so one fixed shape serves. werift makes its own
// with @peculiar/x509, whose ASN.1 schemas then stay loaded: ~7 MiB of an
// idle comm server's RSS (patches/README.md, 22). DER for this one shape is
// a few lines.
import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';

export interface SelfSignedCertificate {
  certPem: string;
  /** PKCS #8 */
  keyPem: string;
}

const ECDSA_WITH_SHA256 = Buffer.from('06082a8648ce3d040302', 'hex'); // OID 1.2.840.10045.4.3.2
const COMMON_NAME = Buffer.from('0603550403', 'hex'); // OID 2.5.4.3
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;

export function createSelfSignedCertificate(commonName = 'webrtc-broker', now = new Date()): SelfSignedCertificate {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const name = der(0x30, der(0x31, der(0x30, COMMON_NAME, der(0x0c, Buffer.from(commonName, 'utf8')))));
  const algorithm = der(0x30, ECDSA_WITH_SHA256);
  const serial = randomBytes(8);
  serial[0] = (serial[0]! & 0x7f) | 0x01; // positive, and no leading zero octet needed
  const toBeSigned = der(0x30,
    der(0xa0, der(0x02, Buffer.of(2))), // v3
    der(0x02, serial),
    algorithm,
    name,
    der(0x30, time(now), time(new Date(now.getTime() + TEN_YEARS_MS))),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
  );
  const signature = sign('sha256', toBeSigned, privateKey);
  const certificate = der(0x30, toBeSigned, algorithm, der(0x03, Buffer.of(0), signature));
  return {
    certPem: pem('CERTIFICATE', certificate),
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/** A DER element: tag, definite length, contents. */
function der(tag: number, ...contents: Uint8Array[]): Buffer {
  const body = Buffer.concat(contents);
  const length = body.length < 0x80 ? [body.length] : body.length < 0x100 ? [0x81, body.length] : [0x82, body.length >> 8, body.length & 0xff];
  return Buffer.concat([Buffer.of(tag, ...length), body]);
}

/** UTCTime through 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
function time(date: Date): Buffer {
  const digits = date.toISOString().replace(/[-:T]/g, '').slice(0, 14) + 'Z'; // YYYYMMDDHHMMSSZ
  return date.getUTCFullYear() < 2050 ? der(0x17, Buffer.from(digits.slice(2))) : der(0x18, Buffer.from(digits));
}

function pem(label: string, body: Buffer): string {
  const lines = body.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
