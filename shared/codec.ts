// Encoding and decoding of the wire messages (docs/PROTOCOL.md). Every frame
// starts with `type = 1`; `peekType` reads it without decoding the rest.
import './protobuf-numbers.js';
import { protocol } from './proto/broker.js';
import { CodecError } from './errors.js';

export const MessageType = protocol.MessageType;
export type MessageType = protocol.MessageType;
export const Role = protocol.Role;
export type Role = protocol.Role;
/** Whether a peer of this role is a comm server (plain or HUB) rather than a client. */
export function isServerRole(role: Role): boolean {
  return role === Role.COMMUNICATION_SERVER || role === Role.COMMUNICATION_SERVER_HUB;
}
export const Format = protocol.Format;
export type Format = protocol.Format;
export const LeaveReason = protocol.LeaveReason;
export type LeaveReason = protocol.LeaveReason;
export const ConnectionRefusedReason = protocol.ConnectionRefusedReason;
export type ConnectionRefusedReason = protocol.ConnectionRefusedReason;

export interface WelcomeMessage {
  type: MessageType; alias: number; availableServers: number[]; serverIds: string[]; token: Uint8Array; serverUrls: string[];
}
export interface ConnectMessage { type: MessageType; fromAlias: number; toAlias: number; fromRole: Role }
export interface WebRtcMessage { type: MessageType; fromAlias: number; toAlias: number; data: Uint8Array }
export interface ConnectionRefusedMessage {
  type: MessageType; fromAlias: number; toAlias: number; reason: ConnectionRefusedReason; data: Uint8Array;
}
export interface PingMessage { type: MessageType; time: number }
export interface SubscriptionMessage { type: MessageType; format: Format; topics: Uint8Array; presenceTopics: string[] }
export interface AuthMessage {
  type: MessageType; role: Role; body: Uint8Array; serverId: string; extensions: string[];
  maxMessagesPerSecond: number; messageBurst: number; clientId: Uint8Array;
}
export interface TopicMessage {
  type: MessageType; fromAlias: number; topic: string; body: Uint8Array; publisher: Uint8Array; seq: number; topicSeq: number;
}
export interface TopicFWMessage {
  type: MessageType; fromAlias: number; body: Uint8Array; topic: string; publisher: Uint8Array; topicSeq: number;
}
export interface TopicIdentityMessage {
  type: MessageType; fromAlias: number; topic: string; identity: Uint8Array; role: Role; body: Uint8Array;
  publisher: Uint8Array; seq: number; topicSeq: number;
}
export interface TopicIdentityFWMessage {
  type: MessageType; fromAlias: number; identity: Uint8Array; role: Role; body: Uint8Array; topic: string;
  publisher: Uint8Array; topicSeq: number;
}
export interface AckMessage { type: MessageType; seq: number }
export interface GoodbyeMessage { type: MessageType; code: string; detail: string }
export interface RecoverPosition { publisher: Uint8Array; topicSeq: number }
export interface RecoverMessage { type: MessageType; topic: string; positions: RecoverPosition[]; sinceMs: number }
export interface RecoveredMessage { type: MessageType; topic: string; frames: Uint8Array[]; highest: RecoverPosition[]; last: boolean }
export interface HistoryMessage {
  type: MessageType; requestId: number; topic: string; reply: boolean; positions: RecoverPosition[]; sinceMs: number;
  frames: Uint8Array[]; evicted: RecoverPosition[]; last: boolean;
}
export interface MemberMessage { alias: number; identity: Uint8Array; serverAlias: number; clientId: Uint8Array; reason: LeaveReason }
export interface TopicMembersMessage { topic: string; joined: MemberMessage[]; left: MemberMessage[] }
export interface PresenceMessage {
  type: MessageType; requestId: number; topic: string; members: MemberMessage[]; truncated: boolean; error: string; more: boolean;
}
export interface MembersMessage { type: MessageType; topics: TopicMembersMessage[] }
export interface MemberDeltaMessage { type: MessageType; full: boolean; topics: TopicMembersMessage[]; more: boolean }
export interface DirectMessage {
  type: MessageType; requestId: number; toAlias: number; toIdentity: Uint8Array; body: Uint8Array; fromAlias: number; fromIdentity: Uint8Array;
}
export interface DirectResultMessage { type: MessageType; requestId: number; error: string }
export interface DirectoryEntryMessage { alias: number; identity: Uint8Array }
export interface DirectoryMessage { type: MessageType; full: boolean; added: DirectoryEntryMessage[]; removed: number[]; more: boolean }
export interface KickMessage { type: MessageType; requestId: number; alias: number; identity: Uint8Array; banMs: number }
export interface KickedMessage { type: MessageType; requestId: number; closed: number; identity: Uint8Array }
export interface ErrorMessage { type: MessageType; code: string; topics: string[]; detail: string }

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
export const Ack = codecFor<AckMessage>(protocol.AckMessage, 'AckMessage');
export const Goodbye = codecFor<GoodbyeMessage>(protocol.GoodbyeMessage, 'GoodbyeMessage');
export const Recover = codecFor<RecoverMessage>(protocol.RecoverMessage, 'RecoverMessage');
export const Recovered = codecFor<RecoveredMessage>(protocol.RecoveredMessage, 'RecoveredMessage');
export const History = codecFor<HistoryMessage>(protocol.HistoryMessage, 'HistoryMessage');
export const Member = codecFor<MemberMessage>(protocol.Member, 'Member');
export const Presence = codecFor<PresenceMessage>(protocol.PresenceMessage, 'PresenceMessage');
export const Members = codecFor<MembersMessage>(protocol.MembersMessage, 'MembersMessage');
export const MemberDelta = codecFor<MemberDeltaMessage>(protocol.MemberDeltaMessage, 'MemberDeltaMessage');
export const Direct = codecFor<DirectMessage>(protocol.DirectMessage, 'DirectMessage');
export const DirectResult = codecFor<DirectResultMessage>(protocol.DirectResultMessage, 'DirectResultMessage');
export const Directory = codecFor<DirectoryMessage>(protocol.DirectoryMessage, 'DirectoryMessage');
export const Kick = codecFor<KickMessage>(protocol.KickMessage, 'KickMessage');
export const Kicked = codecFor<KickedMessage>(protocol.KickedMessage, 'KickedMessage');
export const ErrorFrame = codecFor<ErrorMessage>(protocol.ErrorMessage, 'ErrorMessage');
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

// ---- BATCH (extension, docs/PROTOCOL.md): hand-rolled, no per-frame objects ----

/** The AUTH extension a peer announces when it accepts BATCH frames. */
export const BATCH_EXTENSION = 'batch';
/** The AUTH extension of acknowledged reliable delivery: ACK, GOODBYE, TOPIC's publisher and seq. */
export const ACK_EXTENSION = 'ack';
/** The AUTH extension of a client that understands DRAIN: it moves to another server when asked. */
export const DRAIN_EXTENSION = 'drain';
/** The AUTH extension of subscriber recovery: RECOVER, RECOVERED, HISTORY, topic_seq. */
export const RECOVER_EXTENSION = 'recover';
/** The AUTH extension of presence: PRESENCE, MEMBERS, MEMBER_DELTA, client_id, SUBSCRIPTION's presence_topics. */
export const PRESENCE_EXTENSION = 'presence';
/** The AUTH extension of direct messages: DIRECT, DIRECT_RESULT, DIRECTORY. */
export const DIRECT_EXTENSION = 'direct';
/** The extension a comm server lists in its /discover query (`extensions=`) when it understands KICK. */
export const MODERATION_EXTENSION = 'moderation';

export const Batch = codecFor<{ type: MessageType; frames: Uint8Array[] }>(protocol.BatchMessage, 'BatchMessage');

/** Bytes a frame adds to a BATCH: the `frames` tag, its length varint, the frame. */
export function batchEntryBytes(frameLength: number): number {
  return 1 + varintBytes(frameLength) + frameLength;
}

/** Bytes of an empty BATCH: its `type` field. */
export const BATCH_HEADER_BYTES = 2;

const allocate: (size: number) => Uint8Array =
  typeof (globalThis as { Buffer?: { allocUnsafe(size: number): Uint8Array } }).Buffer?.allocUnsafe === 'function'
    ? (size) => (globalThis as unknown as { Buffer: { allocUnsafe(size: number): Uint8Array } }).Buffer.allocUnsafe(size)
    : (size) => new Uint8Array(size);

/**
 * One BATCH frame holding `frames[from..to)`; `size` is BATCH_HEADER_BYTES
 * plus batchEntryBytes of each. Byte-identical to protobufjs's encoding of
 * BatchMessage{type: BATCH, frames}.
 */
export function encodeBatch(frames: readonly Uint8Array[], from: number, to: number, size: number): Uint8Array {
  const out = allocate(size);
  out[0] = 0x08;
  out[1] = MessageType.BATCH;
  let pos = 2;
  for (let i = from; i < to; i++) {
    const frame = frames[i];
    out[pos++] = 0x12;
    let length = frame.length;
    while (length > 0x7f) {
      out[pos++] = (length & 0x7f) | 0x80;
      length >>>= 7;
    }
    out[pos++] = length;
    out.set(frame, pos);
    pos += frame.length;
  }
  if (pos !== size) throw new CodecError('ENCODE_FAILED', `BATCH size ${size} given, ${pos} written`);
  return out;
}

/**
 * The frames of a BATCH, as views into it (no copies), in order. Unknown
 * fields are skipped like any protobuf decoder would; a truncated or
 * malformed frame throws CodecError.
 */
export function decodeBatch(batch: Uint8Array): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let pos = 0;
  const fail = (why: string): never => {
    throw new CodecError('DECODE_FAILED', `cannot decode BatchMessage: ${why}`);
  };
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (pos >= batch.length) fail('truncated varint');
      const byte = batch[pos++];
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    // 64-bit varints (field 1 is an enum, others unknown): skip the rest.
    while (pos < batch.length && batch[pos++] >= 0x80);
    return value;
  };
  while (pos < batch.length) {
    const key = varint();
    const wireType = key & 7;
    if (wireType === 0) {
      varint();
    } else if (wireType === 2) {
      const length = varint();
      if (pos + length > batch.length) fail('truncated bytes');
      if (key >>> 3 === 2) frames.push(batch.subarray(pos, pos + length));
      pos += length;
    } else if (wireType === 1) {
      pos += 8;
    } else if (wireType === 5) {
      pos += 4;
    } else {
      fail(`wire type ${wireType}`);
    }
  }
  if (pos > batch.length) fail('truncated field');
  return frames;
}

function varintBytes(value: number): number {
  return value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;
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
