// Encoding and decoding of the wire messages (docs/PROTOCOL.md). Every frame
// starts with `type = 1`; `peekType` reads it without decoding the rest.
import './protobuf-numbers.js';
import { protocol } from './proto/broker.js';
import { CodecError } from './errors.js';

export const MessageType = protocol.MessageType;
export type MessageType = protocol.MessageType;
export const Role = protocol.Role;
export type Role = protocol.Role;
export const Format = protocol.Format;
export type Format = protocol.Format;
export const ConnectionRefusedReason = protocol.ConnectionRefusedReason;
export type ConnectionRefusedReason = protocol.ConnectionRefusedReason;

export interface WelcomeMessage {
  type: MessageType; alias: number; availableServers: number[]; serverIds: string[]; token: Uint8Array; serverUrls: string[];
}
export interface ConnectMessage { type: MessageType; fromAlias: number; toAlias: number }
export interface WebRtcMessage { type: MessageType; fromAlias: number; toAlias: number; data: Uint8Array }
export interface ConnectionRefusedMessage {
  type: MessageType; fromAlias: number; toAlias: number; reason: ConnectionRefusedReason; data: Uint8Array;
}
export interface PingMessage { type: MessageType; time: number }
export interface SubscriptionMessage { type: MessageType; format: Format; topics: Uint8Array }
export interface AuthMessage { type: MessageType; role: Role; body: Uint8Array; serverId: string; extensions: string[] }
export interface TopicMessage { type: MessageType; fromAlias: number; topic: string; body: Uint8Array }
export interface TopicFWMessage { type: MessageType; fromAlias: number; body: Uint8Array; topic: string }
export interface TopicIdentityMessage {
  type: MessageType; fromAlias: number; topic: string; identity: Uint8Array; role: Role; body: Uint8Array;
}
export interface TopicIdentityFWMessage {
  type: MessageType; fromAlias: number; identity: Uint8Array; role: Role; body: Uint8Array; topic: string;
}

/** What a generated message class offers; fields are given as plain own properties. */
interface GeneratedType {
  encode(message: never): { finish(): Uint8Array };
  decode(bytes: Uint8Array): unknown;
}

function codecFor<T>(type: GeneratedType, name: string) {
  return {
    encode(message: Partial<T>): Uint8Array {
      try {
        return type.encode(message as never).finish();
      } catch (cause) {
        throw new CodecError('ENCODE_FAILED', `cannot encode ${name}: ${(cause as Error).message}`, { cause });
      }
    },
    decode(bytes: Uint8Array): T {
      try {
        return type.decode(bytes) as T;
      } catch (cause) {
        throw new CodecError('DECODE_FAILED', `cannot decode ${name}: ${(cause as Error).message}`, { cause });
      }
    },
  };
}

export const Welcome = codecFor<WelcomeMessage>(protocol.WelcomeMessage, 'WelcomeMessage');
export const Connect = codecFor<ConnectMessage>(protocol.ConnectMessage, 'ConnectMessage');
export const WebRtc = codecFor<WebRtcMessage>(protocol.WebRtcMessage, 'WebRtcMessage');
export const ConnectionRefused = codecFor<ConnectionRefusedMessage>(protocol.ConnectionRefusedMessage, 'ConnectionRefusedMessage');
export const Ping = codecFor<PingMessage>(protocol.PingMessage, 'PingMessage');
export const Subscription = codecFor<SubscriptionMessage>(protocol.SubscriptionMessage, 'SubscriptionMessage');
export const Auth = codecFor<AuthMessage>(protocol.AuthMessage, 'AuthMessage');
export const Topic = codecFor<TopicMessage>(protocol.TopicMessage, 'TopicMessage');
export const TopicFW = codecFor<TopicFWMessage>(protocol.TopicFWMessage, 'TopicFWMessage');
export const TopicIdentity = codecFor<TopicIdentityMessage>(protocol.TopicIdentityMessage, 'TopicIdentityMessage');
export const TopicIdentityFW = codecFor<TopicIdentityFWMessage>(protocol.TopicIdentityFWMessage, 'TopicIdentityFWMessage');
/** The header every message starts with; alone, it is a message without fields (DRAIN). */
export const MessageHeader = codecFor<{ type: MessageType }>(protocol.MessageHeader, 'MessageHeader');

/**
 * The message type of a frame. Our encoders, like the original's, write
 * `type` first, so the common case reads one or two bytes; anything else
 * falls back to decoding the header. Throws CodecError on garbage.
 */
export function peekType(frame: Uint8Array): MessageType {
  if (frame.length >= 2 && frame[0] === 0x08 && frame[1] < 0x80) return frame[1] as MessageType;
  return MessageHeader.decode(frame).type ?? MessageType.UNKNOWN_MESSAGE_TYPE;
}

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** WebRtcMessage.data carries JSON (a session description or an RTCIceCandidateInit). */
export function encodeJson(value: unknown): Uint8Array {
  return utf8.encode(JSON.stringify(value));
}

export function decodeJson<T>(data: Uint8Array): T {
  try {
    return JSON.parse(utf8Decoder.decode(data)) as T;
  } catch (cause) {
    throw new CodecError('DECODE_FAILED', 'WebRtcMessage.data is not JSON', { cause });
  }
}
