// The client library's browser entry: the browser's own RTCPeerConnection and
// WebSocket. Bundled into one ES module (dist/browser/broker-client.js) by
// scripts/build-browser.js; nothing in its import graph may need Node.
import type { PeerConnectionLike, RtcFactory } from '../shared/rtc.js';
import { setClientRuntime, type WebSocketConstructor } from './runtime.js';

const browserRtc: RtcFactory = (config) =>
  new globalThis.RTCPeerConnection({ iceServers: config.iceServers }) as unknown as PeerConnectionLike;

setClientRuntime({ rtc: browserRtc, WebSocket: globalThis.WebSocket as unknown as WebSocketConstructor });

export { BrokerClient, type BrokerClientOptions, type DeniedEvent, type ReceivedMessage, type PublishOptions } from './client.js';
export type { ReconnectAttempt } from './reconnect.js';
export type { JoinEvent, LeaveEvent, LeaveReasonName, PresenceList, PresenceMember } from './presence.js';
export type { DirectEvent, DirectTarget } from './direct.js';
export { BrokerClientError, type BrokerClientErrorCode } from './errors.js';
export { TopicNameError } from '../shared/subscription.js';
export type { RtcFactory, IceServer } from '../shared/rtc.js';
export type { WebSocketConstructor } from './runtime.js';
