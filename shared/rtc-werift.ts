import { HashAlgorithm, RTCCertificate, RTCDtlsTransport, RTCPeerConnection, SignatureAlgorithm } from '#werift';
import type { PeerConnectionLike, RtcFactory } from './rtc.js';
import { createSelfSignedCertificate } from './self-signed-certificate.js';

/**
 * werift peer connections for Node. IPv4 only: one UDP socket per connection
 * instead of two, and loopback tests take the same path as deployments.
 * With no ICE servers configured, no STUN lookups happen (our werift patch
 * removes werift's hard-coded fallback).
 */
export const weriftFactory: RtcFactory = (config) => {
  installWeriftCertificate();
  return new RTCPeerConnection({
    iceServers: config.iceServers,
    iceUseIpv6: false,
    ...(config.portRange ? { icePortRange: config.portRange } : {}),
  }) as unknown as PeerConnectionLike;
};

/**
 * Gives werift its process-wide DTLS certificate, so that werift never loads
 * @peculiar/x509 to make one (self-signed-certificate.ts says why).
 */
export function installWeriftCertificate(): void {
  if (RTCDtlsTransport.localCertificate) return;
  const { certPem, keyPem } = createSelfSignedCertificate();
  RTCDtlsTransport.localCertificate = new RTCCertificate(keyPem, certPem, {
    signature: SignatureAlgorithm.ecdsa_3,
    hash: HashAlgorithm.sha256_4,
  });
}
