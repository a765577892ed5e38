// The RTC implementation the load generator's clients use.
import type { PeerConnectionLike, RtcFactory } from '../shared/rtc.js';
import { weriftFactory } from '../shared/rtc-werift.js';
import type { RtcKind } from './scenarios.js';

/** werift (pure JS, the Node client's default) or libwebrtc through @roamhq/wrtc (native, a devDependency). */
export async function rtcFactory(kind: RtcKind): Promise<RtcFactory> {
  if (kind === 'werift') return weriftFactory;
  const { default: wrtc } = await import('@roamhq/wrtc');
  return (config) => new wrtc.RTCPeerConnection({ iceServers: config.iceServers }) as unknown as PeerConnectionLike;
}
