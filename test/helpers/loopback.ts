// werift bound to 127.0.0.1 only, with no STUN server: test traffic never leaves loopback.
import { RTCPeerConnection as WeriftPeerConnection, type RTCIceServer } from '#werift';
import type { PeerConnectionLike, RtcFactory } from '../../shared/rtc.js';

export const LOOPBACK = '127.0.0.1';

export function createLoopbackPeerConnection(iceServers: RTCIceServer[] = []): WeriftPeerConnection {
  return new WeriftPeerConnection({
    iceServers,
    iceUseIpv6: false,
    iceInterfaceAddresses: { udp4: LOOPBACK },
    iceAdditionalHostAddresses: [LOOPBACK],
  });
}

/** The same as an RtcFactory, for comm servers and clients under test. */
export const loopbackWerift: RtcFactory = (config) =>
  createLoopbackPeerConnection(config.iceServers as RTCIceServer[]) as unknown as PeerConnectionLike;
