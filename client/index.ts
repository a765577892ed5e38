// The client library's Node entry: werift peer connections and `ws` sockets.
import WebSocket from 'ws';
import { weriftFactory } from '../shared/rtc-werift.js';
import { setClientRuntime, type WebSocketConstructor } from './runtime.js';

setClientRuntime({ rtc: weriftFactory, WebSocket: WebSocket as unknown as WebSocketConstructor });

export { BrokerClient, type BrokerClientOptions, type DeniedEvent, type ReceivedMessage, type PublishOptions } from './client.js';
export type { ReconnectAttempt } from './reconnect.js';
export type { JoinEvent, LeaveEvent, LeaveReasonName, PresenceList, PresenceMember } from './presence.js';
export type { DirectEvent, DirectTarget } from './direct.js';
export { BrokerClientError, type BrokerClientErrorCode } from './errors.js';
export { TopicNameError } from '../shared/subscription.js';
export type { RtcFactory, IceServer } from '../shared/rtc.js';
export type { WebSocketConstructor } from './runtime.js';
