import { RTCPeerConnection } from 'werift';
import type { PeerConnectionLike, RtcFactory } from './rtc.js';

/**
 * werift peer connections for Node. IPv4 only: one UDP socket per connection
 * instead of two, and loopback tests take the same path as deployments.
 * With no ICE servers configured, no STUN lookups happen (our werift patch
 * removes werift's hard-coded fallback).
 */
export const weriftFactory: RtcFactory = (config) =>
  new RTCPeerConnection({
    iceServers: config.iceServers,
    iceUseIpv6: false,
    ...(config.portRange ? { icePortRange: config.portRange } : {}),
  }) as unknown as PeerConnectionLike;
