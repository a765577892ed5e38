import assert from 'node:assert/strict';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { test } from 'node:test';
import { createSelfSignedCertificate } from '../../shared/self-signed-certificate.js';

test('the certificate parses, is self-signed with its own P-256 key and is valid for ten years', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  const { certPem, keyPem } = createSelfSignedCertificate('broker-test', now);
  const certificate = new X509Certificate(certPem);
  assert.equal(certificate.subject, 'CN=broker-test');
  assert.equal(certificate.issuer, 'CN=broker-test');
  assert.equal(certificate.publicKey.asymmetricKeyType, 'ec');
  assert.deepEqual(certificate.publicKey.asymmetricKeyDetails, { namedCurve: 'prime256v1' });
  assert.ok(certificate.verify(certificate.publicKey), 'signed by its own key');
  assert.ok(certificate.checkPrivateKey(createPrivateKey(keyPem)), 'the PKCS #8 key belongs to it');
  assert.match(keyPem, /^-----BEGIN PRIVATE KEY-----\n/);
  assert.equal(new Date(certificate.validFrom).toISOString(), '2026-11-22T10:00:00.000Z');
  assert.equal(new Date(certificate.validTo).toISOString(), '2036-11-19T10:00:00.000Z');
});

test('dates from 2050 on are GeneralizedTime, and serial numbers are positive and differ', () => {
  const late = new X509Certificate(createSelfSignedCertificate('late', new Date('2045-06-01T00:00:00Z')).certPem);
  assert.equal(new Date(late.validTo).toISOString(), '2055-05-30T00:00:00.000Z');
  assert.ok(late.verify(late.publicKey));
  const serials = new Set(Array.from({ length: 20 }, () => new X509Certificate(createSelfSignedCertificate().certPem).serialNumber));
  assert.equal(serials.size, 20);
  for (const serial of serials) assert.ok(Number.parseInt(serial[0]!, 16) < 8, `serial ${serial} is positive`);
});
