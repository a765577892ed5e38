// shared/codec.ts: round trips, peekType, uint64 as numbers, unknown fields,
// and the wire placement of our extension fields, checked against an
// independent hand-written reading of the bytes (test/helpers/protobuf-wire.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import protobuf from 'protobufjs';
import {
  Ack, Auth, Connect, ConnectionRefused, ConnectionRefusedReason, Format, MessageType, Ping, Role, Subscription, Topic,
  TopicFW, TopicIdentity, TopicIdentityFW, WebRtc, Welcome, Goodbye, Recover, Recovered, History, Presence, Members, MemberDelta, Direct, DirectResult, Directory, LeaveReason, decodeJson, encodeJson, peekType,
  Batch, BATCH_HEADER_BYTES, batchEntryBytes, decodeBatch, encodeBatch,
} from '../../shared/codec.js';
import { CodecError } from '../../shared/errors.js';
import {
  WireMessage, bytesField, concat, doubleField, fixed32Field, message, tag, varint, varintField, WIRE_FIXED64,
  WIRE_LENGTH_DELIMITED,
} from '../helpers/protobuf-wire.js';

const MAX_SAFE = Number.MAX_SAFE_INTEGER; // 2^53 - 1
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/** Plain data for comparison: byte fields as plain Uint8Array (protobufjs gives Buffers in Node), arrays copied. */
function normalize(value: unknown): unknown {
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(normalize);
  // A nested message (RecoverPosition): its own fields, as a plain object.
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, normalize(field)]));
  return value;
}

/** The fields `expected` names, read from the decoded message (defaults live on the prototype). */
function pick(decoded: object, expected: object): Record<string, unknown> {
  const record = decoded as Record<string, unknown>;
  return Object.fromEntries(Object.keys(expected).map((key) => [key, normalize(record[key])]));
}

interface CodecLike<T> {
  encode(message: Partial<T>): Uint8Array;
  decode(bytes: Uint8Array): T;
}

interface Case {
  name: string;
  codec: CodecLike<object>;
  value: object & { type: MessageType };
}

function c<T extends { type: MessageType }>(name: string, codec: CodecLike<T>, value: T): Case {
  return { name, codec: codec as unknown as CodecLike<object>, value };
}

const cases: Case[] = [
  c('WELCOME', Welcome, { type: MessageType.WELCOME, alias: 17, availableServers: [3, 4, MAX_SAFE], serverIds: ['a', '', 'c'],
    token: new TextEncoder().encode('bct1.payload.signature'), serverUrls: ['ws://127.0.0.1:9100', '', 'wss://c.example'] }),
  c('CONNECT', Connect, { type: MessageType.CONNECT, fromAlias: 17, toAlias: 3, fromRole: Role.COMMUNICATION_SERVER_HUB }),
  c('WEBRTC_OFFER', WebRtc, {
    type: MessageType.WEBRTC_OFFER, fromAlias: 3, toAlias: 17, data: encodeJson({ type: 'offer', sdp: 'v=0\r\n' }),
  }),
  c('WEBRTC_ANSWER', WebRtc, {
    type: MessageType.WEBRTC_ANSWER, fromAlias: 17, toAlias: 3, data: encodeJson({ type: 'answer', sdp: 'v=0\r\n' }),
  }),
  c('WEBRTC_ICE_CANDIDATE', WebRtc, {
    type: MessageType.WEBRTC_ICE_CANDIDATE, fromAlias: 17, toAlias: 3,
    data: encodeJson({ candidate: 'candidate:1 1 udp 2130706431 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 }),
  }),
  c('CONNECTION_REFUSED', ConnectionRefused, {
    type: MessageType.CONNECTION_REFUSED, fromAlias: 3, toAlias: 17, reason: ConnectionRefusedReason.SERVER_FULL, data: bytes('full'),
  }),
  c('PING', Ping, { type: MessageType.PING, time: 1234.5678 }),
  c('SUBSCRIPTION', Subscription, { type: MessageType.SUBSCRIPTION, format: Format.GZIP, topics: bytes('a b c'), presenceTopics: ['a', 'c'] }),
  c('AUTH', Auth, {
    type: MessageType.AUTH, role: Role.COMMUNICATION_SERVER_HUB, body: bytes('token'), serverId: 'srv-1', extensions: ['drain', 'ack'],
    maxMessagesPerSecond: 1000, messageBurst: 2000, clientId: new Uint8Array(16).fill(3),
  }),
  c('TOPIC', Topic, { type: MessageType.TOPIC, fromAlias: 42, topic: 'news', body: bytes('hello'), publisher: new Uint8Array(16).fill(7), seq: 2 ** 40, topicSeq: 12 }),
  c('TOPIC_FW', TopicFW, { type: MessageType.TOPIC_FW, fromAlias: 42, body: bytes('hello'), topic: 'news', publisher: new Uint8Array(16).fill(7), topicSeq: 12 }),
  c('TOPIC_IDENTITY', TopicIdentity, {
    type: MessageType.TOPIC_IDENTITY, fromAlias: 42, topic: 'news', identity: bytes('alice'), role: Role.CLIENT, body: bytes('hi'),
    publisher: new Uint8Array(16).fill(9), seq: 3, topicSeq: 1,
  }),
  c('TOPIC_IDENTITY_FW', TopicIdentityFW, {
    type: MessageType.TOPIC_IDENTITY_FW, fromAlias: 42, identity: bytes('alice'), role: Role.CLIENT, body: bytes('hi'), topic: 'news',
    publisher: new Uint8Array(16).fill(9), topicSeq: 1,
  }),
  c('BATCH', Batch, { type: MessageType.BATCH, frames: [bytes('one'), bytes(''), bytes('three')] }),
  c('ACK', Ack, { type: MessageType.ACK, seq: 2 ** 53 - 1 }),
  c('GOODBYE', Goodbye, { type: MessageType.GOODBYE, code: 'RATE_LIMITED', detail: 'rate-limited' }),
  c('RECOVER', Recover, {
    type: MessageType.RECOVER, topic: 'news', positions: [{ publisher: new Uint8Array(16).fill(7), topicSeq: 11 }], sinceMs: 6_000,
  }),
  c('RECOVERED', Recovered, {
    type: MessageType.RECOVERED, topic: 'news', frames: [bytes('one'), bytes('two')], highest: [{ publisher: new Uint8Array(16).fill(7), topicSeq: 30 }], last: true,
  }),
  c('HISTORY', History, {
    type: MessageType.HISTORY, requestId: 9, topic: 'news', reply: true, positions: [{ publisher: new Uint8Array(16).fill(7), topicSeq: 11 }],
    sinceMs: 6_000, frames: [bytes('one')], evicted: [{ publisher: new Uint8Array(16).fill(8), topicSeq: 4 }], last: true,
  }),
  c('PRESENCE', Presence, {
    type: MessageType.PRESENCE, requestId: 2 ** 40, topic: 'news', truncated: true, error: 'NOT_SUBSCRIBED', more: true,
    // Nested messages keep their defaults on the prototype: every field here has another value.
    members: [{ alias: 7, identity: bytes('alice'), serverAlias: 2, clientId: new Uint8Array(16).fill(5), reason: LeaveReason.KICKED }],
  }),
  c('MEMBERS', Members, {
    type: MessageType.MEMBERS,
    topics: [{
      topic: 'news',
      joined: [{ alias: 7, identity: bytes('carol'), serverAlias: 2, clientId: new Uint8Array(16).fill(5), reason: LeaveReason.UNSUBSCRIBED }],
      left: [{ alias: 8, identity: bytes('bob'), serverAlias: 3, clientId: new Uint8Array(16).fill(6), reason: LeaveReason.KICKED }],
    }],
  }),
  c('MEMBER_DELTA', MemberDelta, {
    type: MessageType.MEMBER_DELTA, full: true, more: true,
    topics: [{
      topic: 'news',
      joined: [{ alias: 9, identity: bytes('dave'), serverAlias: 3, clientId: new Uint8Array(16).fill(4), reason: LeaveReason.UNSUBSCRIBED }],
      left: [{ alias: 8, identity: bytes('bob'), serverAlias: 3, clientId: new Uint8Array(16).fill(6), reason: LeaveReason.DISCONNECTED }],
    }],
  }),
  c('DIRECT', Direct, {
    type: MessageType.DIRECT, requestId: 2 ** 40, toAlias: 2 ** 45, toIdentity: bytes('bob'), body: bytes('hi'), fromAlias: 2 ** 50, fromIdentity: bytes('alice'),
  }),
  c('DIRECT_RESULT', DirectResult, { type: MessageType.DIRECT_RESULT, requestId: 2 ** 40, error: 'NO_SUCH_PEER' }),
  c('DIRECTORY', Directory, {
    type: MessageType.DIRECTORY, full: true, more: true, added: [{ alias: 2 ** 40, identity: bytes('carol') }], removed: [7, 2 ** 50],
  }),
];

describe('codec round trips', () => {
  for (const { name, codec, value } of cases) {
    test(`${name} encodes and decodes to the same fields`, () => {
      const frame = codec.encode(value);
      const decoded = codec.decode(frame);
      assert.deepEqual(pick(decoded, value), normalize(value));
    });
  }

  test('every MessageType of the protocol has a round-trip case', () => {
    const covered = new Set(cases.map((entry) => entry.value.type));
    const expected = [
      'WELCOME', 'CONNECT', 'WEBRTC_OFFER', 'WEBRTC_ANSWER', 'WEBRTC_ICE_CANDIDATE', 'PING', 'SUBSCRIPTION', 'AUTH', 'TOPIC',
      'TOPIC_FW', 'TOPIC_IDENTITY', 'TOPIC_IDENTITY_FW', 'CONNECTION_REFUSED', 'BATCH', 'ACK', 'GOODBYE', 'RECOVER', 'RECOVERED',
      'HISTORY', 'PRESENCE', 'MEMBERS', 'MEMBER_DELTA', 'DIRECT', 'DIRECT_RESULT', 'DIRECTORY',
    ] as const;
    for (const name of expected) assert.ok(covered.has(MessageType[name]), `${name} not covered`);
  });

  test('a frame with only `type` decodes every other field to its proto3 default', () => {
    const decoded = Topic.decode(message(varintField(1, MessageType.TOPIC)));
    assert.equal(decoded.type, MessageType.TOPIC);
    assert.equal(decoded.fromAlias, 0);
    assert.equal(typeof decoded.fromAlias, 'number');
    assert.equal(decoded.topic, '');
    assert.equal(decoded.body.length, 0);
    const welcome = Welcome.decode(message(varintField(1, MessageType.WELCOME)));
    assert.equal(welcome.alias, 0);
    assert.equal(typeof welcome.alias, 'number');
    assert.deepEqual([...welcome.availableServers], []);
  });

  test('encodeJson / decodeJson round trip; non-JSON data is DECODE_FAILED', () => {
    const description = { type: 'offer', sdp: 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n' };
    assert.deepEqual(decodeJson(encodeJson(description)), description);
    assert.throws(() => decodeJson(bytes('{not json')), (error: unknown) => error instanceof CodecError && error.code === 'DECODE_FAILED');
  });
});

describe('codec against hand-written wire bytes', () => {
  test('our TOPIC frame reads, field by field, as PROTOCOL.md numbers them', () => {
    const frame = Topic.encode({ type: MessageType.TOPIC, fromAlias: 300, topic: 'a', body: bytes('xyz') });
    const wire = new WireMessage(frame);
    assert.equal(wire.uint(1), MessageType.TOPIC);
    assert.equal(wire.uint(2), 300);
    assert.equal(wire.string(3), 'a');
    assert.deepEqual(new Uint8Array(wire.bytes(4)), bytes('xyz'));
  });

  test('a hand-written frame of every field kind decodes in our codec', () => {
    const frame = message(
      varintField(1, MessageType.TOPIC_IDENTITY), varintField(2, 77), bytesField(3, 'τopic'), bytesField(4, bytes('id')),
      varintField(5, Role.CLIENT), bytesField(6, bytes('body')),
    );
    const decoded = TopicIdentity.decode(frame);
    assert.deepEqual(pick(decoded, { type: 0, fromAlias: 0, topic: '', identity: 0, role: 0, body: 0 }), {
      type: MessageType.TOPIC_IDENTITY, fromAlias: 77, topic: 'τopic', identity: bytes('id'), role: Role.CLIENT, body: bytes('body'),
    });
    const ping = Ping.decode(message(varintField(1, MessageType.PING), doubleField(2, -0.125)));
    assert.equal(ping.time, -0.125);
  });

  test('PING time is a double on field 2 (fixed64)', () => {
    const wire = new WireMessage(Ping.encode({ type: MessageType.PING, time: 98765.4321 }));
    assert.equal(wire.fields.find((f) => f.field === 2)?.wireType, WIRE_FIXED64);
    assert.equal(wire.double(2), 98765.4321);
  });
});

describe('peekType', () => {
  test('reads the type of every encoded message', () => {
    for (const { name, codec, value } of cases) assert.equal(peekType(codec.encode(value)), value.type, name);
  });

  test('reads every MessageType value 0..14 from a hand-written header, with and without more fields', () => {
    for (let type = 0; type <= 14; type++) {
      assert.equal(peekType(message(varintField(1, type))), type);
      assert.equal(peekType(message(varintField(1, type), bytesField(3, 'x'))), type);
    }
  });

  test('reads extension types, including ones whose varint takes two bytes', () => {
    assert.equal(peekType(message(varintField(1, 15))), 15);
    assert.equal(peekType(message(varintField(1, 300), varintField(2, 1))), 300);
  });

  test('finds `type` when it is not the first field', () => {
    assert.equal(peekType(message(varintField(2, 5), bytesField(3, 'x'), varintField(1, MessageType.TOPIC))), MessageType.TOPIC);
  });

  test('absent type is UNKNOWN_MESSAGE_TYPE', () => {
    assert.equal(peekType(new Uint8Array(0)), MessageType.UNKNOWN_MESSAGE_TYPE);
    assert.equal(peekType(message(varintField(2, 5))), MessageType.UNKNOWN_MESSAGE_TYPE);
    assert.equal(peekType(message(bytesField(3, 'only a topic'))), MessageType.UNKNOWN_MESSAGE_TYPE);
  });

  const garbage: Array<[string, Uint8Array]> = [
    ['a lone type tag', Uint8Array.of(0x08)],
    ['a truncated two-byte varint', Uint8Array.of(0x08, 0xff)],
    ['wire type 7', Uint8Array.of(0x0f, 0x01)],
    ['a length-delimited field longer than the frame', Uint8Array.of(0x12, 0x05, 0x01)],
    ['a field number 0', Uint8Array.of(0x00, 0x01)],
    ['eleven continuation bytes', Uint8Array.of(0x10, ...new Array<number>(11).fill(0xff))],
  ];
  for (const [name, frame] of garbage) {
    test(`garbage (${name}) throws CodecError DECODE_FAILED`, () => {
      assert.throws(() => peekType(frame), (error: unknown) => {
        assert.ok(error instanceof CodecError, `expected a CodecError, got ${String(error)}`);
        assert.equal(error.code, 'DECODE_FAILED');
        return true;
      });
    });
  }

  test('a full decode of garbage throws CodecError DECODE_FAILED too', () => {
    assert.throws(() => Topic.decode(Uint8Array.of(0x08, 0x09, 0x1a, 0x10, 0x61)), (error: unknown) =>
      error instanceof CodecError && error.code === 'DECODE_FAILED');
  });
});

describe('uint64 fields are JavaScript numbers', () => {
  test('aliases up to 2^53 - 1 round-trip exactly, as numbers', () => {
    for (const alias of [0, 1, 127, 128, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 1_700_000_000_000_000, MAX_SAFE - 1, MAX_SAFE]) {
      const decoded = Connect.decode(Connect.encode({ type: MessageType.CONNECT, fromAlias: alias, toAlias: alias }));
      assert.equal(typeof decoded.fromAlias, 'number');
      assert.equal(decoded.fromAlias, alias);
      assert.equal(decoded.toAlias, alias);
    }
  });

  test('our encoding of 2^53 - 1 is the canonical varint, and a hand-written one decodes exactly', () => {
    const frame = Connect.encode({ type: MessageType.CONNECT, fromAlias: MAX_SAFE, toAlias: 2 ** 32 });
    assert.deepEqual(
      new Uint8Array(frame),
      concat(varintField(1, MessageType.CONNECT), tag(2, 0), varint(MAX_SAFE), tag(3, 0), varint(2 ** 32)),
    );
    const welcome = Welcome.decode(message(
      varintField(1, MessageType.WELCOME), varintField(2, MAX_SAFE),
      // available_servers packed, as proto3 encoders write it...
      bytesField(3, concat(varint(1), varint(MAX_SAFE))),
      // ...and one unpacked element, which a decoder must accept too.
      varintField(3, 2 ** 40),
    ));
    assert.equal(welcome.alias, MAX_SAFE);
    assert.deepEqual([...welcome.availableServers], [1, MAX_SAFE, 2 ** 40]);
    for (const server of welcome.availableServers) assert.equal(typeof server, 'number');
  });

  test('available_servers is written packed (one length-delimited field 3)', () => {
    const wire = new WireMessage(Welcome.encode({ type: MessageType.WELCOME, alias: 9, availableServers: [1, 2, MAX_SAFE] }));
    const servers = wire.fields.filter((f) => f.field === 3);
    assert.equal(servers.length, 1);
    assert.equal(servers[0]!.wireType, WIRE_LENGTH_DELIMITED);
    assert.deepEqual(wire.repeatedUint(3), [1, 2, MAX_SAFE]);
  });
});

describe('unknown fields are ignored', () => {
  const unknown = concat(
    varintField(99, 12345), bytesField(100, 'future extension'), fixed32Field(101, 0xdeadbeef), doubleField(102, 1.5),
    varintField(2000, MAX_SAFE),
  );

  test('TOPIC with unknown fields appended decodes to the same fields', () => {
    const value = { type: MessageType.TOPIC, fromAlias: 42, topic: 'news', body: bytes('hello') };
    const decoded = Topic.decode(concat(Topic.encode(value), unknown));
    assert.deepEqual(pick(decoded, value), normalize(value));
    assert.equal(peekType(concat(Topic.encode(value), unknown)), MessageType.TOPIC);
  });

  test('unknown fields before and between known ones are skipped', () => {
    const frame = message(unknown, varintField(1, MessageType.PING), bytesField(50, 'x'), doubleField(2, 3.25), unknown);
    assert.equal(peekType(frame), MessageType.PING);
    assert.equal(Ping.decode(frame).time, 3.25);
  });

  test('every message type tolerates unknown fields', () => {
    for (const { name, codec, value } of cases) {
      const decoded = codec.decode(concat(codec.encode(value), unknown));
      assert.deepEqual(pick(decoded, value), normalize(value), name);
    }
  });
});

describe('extension fields', () => {
  // The original schema (PROTOCOL.md) of the three messages we extend, as an
  // original peer's decoder sees them. `type` and `role` are enums there;
  // int32 has the same varint wire encoding.
  const original = protobuf.parse(`
    syntax = "proto3";
    package original;
    message AuthMessage { int32 type = 1; int32 role = 2; bytes body = 3; }
    message TopicFWMessage { int32 type = 1; uint64 from_alias = 2; bytes body = 3; }
    message TopicIdentityFWMessage { int32 type = 1; uint64 from_alias = 2; bytes identity = 3; int32 role = 4; bytes body = 5; }
  `).root;
  const view = (name: string, frame: Uint8Array): Record<string, unknown> => {
    const type = original.lookupType(`original.${name}`);
    return type.toObject(type.decode(frame), { longs: Number, bytes: Array, defaults: true }) as Record<string, unknown>;
  };
  const numbers = (text: string): number[] => [...bytes(text)];

  test('TopicFWMessage.topic is field 4 (length-delimited), after the original fields', () => {
    const frame = TopicFW.encode({ type: MessageType.TOPIC_FW, fromAlias: 42, body: bytes('hello'), topic: 'a' });
    const wire = new WireMessage(frame);
    assert.deepEqual(wire.fields.map((f) => [f.field, f.wireType]), [[1, 0], [2, 0], [3, 2], [4, 2]]);
    assert.equal(wire.string(4), 'a');
    assert.deepEqual(new Uint8Array(frame.subarray(frame.length - 3)), Uint8Array.of(0x22, 0x01, 0x61));
    assert.deepEqual(view('TopicFWMessage', frame), { type: MessageType.TOPIC_FW, fromAlias: 42, body: numbers('hello') });
  });

  test('TopicIdentityFWMessage.topic is field 6', () => {
    const frame = TopicIdentityFW.encode({
      type: MessageType.TOPIC_IDENTITY_FW, fromAlias: 42, identity: bytes('alice'), role: Role.CLIENT, body: bytes('hi'), topic: 'a',
    });
    const wire = new WireMessage(frame);
    assert.deepEqual(wire.fields.map((f) => f.field), [1, 2, 3, 4, 5, 6]);
    assert.equal(wire.fields.at(-1)!.wireType, WIRE_LENGTH_DELIMITED);
    assert.equal(wire.string(6), 'a');
    assert.deepEqual(new Uint8Array(frame.subarray(frame.length - 3)), Uint8Array.of(0x32, 0x01, 0x61));
    assert.deepEqual(view('TopicIdentityFWMessage', frame), {
      type: MessageType.TOPIC_IDENTITY_FW, fromAlias: 42, identity: numbers('alice'), role: Role.CLIENT, body: numbers('hi'),
    });
  });

  test('AuthMessage.server_id is field 4', () => {
    const frame = Auth.encode({ type: MessageType.AUTH, role: Role.COMMUNICATION_SERVER, body: bytes('secret'), serverId: 'srv-1' });
    const wire = new WireMessage(frame);
    assert.deepEqual(wire.fields.map((f) => [f.field, f.wireType]), [[1, 0], [2, 0], [3, 2], [4, 2]]);
    assert.equal(wire.string(4), 'srv-1');
    assert.deepEqual(view('AuthMessage', frame), { type: MessageType.AUTH, role: Role.COMMUNICATION_SERVER, body: numbers('secret') });
  });

  test('an empty extension field is not written at all, so the frame is byte-identical to the original', () => {
    const ours = TopicFW.encode({ type: MessageType.TOPIC_FW, fromAlias: 42, body: bytes('hello'), topic: '' });
    const originalType = original.lookupType('original.TopicFWMessage');
    const theirs = originalType.encode(originalType.fromObject({ type: MessageType.TOPIC_FW, fromAlias: 42, body: bytes('hello') })).finish();
    assert.deepEqual(new Uint8Array(ours), new Uint8Array(theirs));
    assert.equal(new WireMessage(Auth.encode({ type: MessageType.AUTH, role: Role.CLIENT, body: bytes('x') })).has(4), false);
  });

  test("frames from an original encoder (no extension fields) decode with the extensions' defaults", () => {
    const auth = Auth.decode(message(varintField(1, MessageType.AUTH), varintField(2, Role.CLIENT), bytesField(3, 'token')));
    assert.equal(auth.serverId, '');
    assert.equal(auth.role, Role.CLIENT);
    const fw = TopicFW.decode(message(varintField(1, MessageType.TOPIC_FW), varintField(2, 7), bytesField(3, 'b')));
    assert.equal(fw.topic, '');
    assert.equal(fw.fromAlias, 7);
    const ifw = TopicIdentityFW.decode(message(varintField(1, MessageType.TOPIC_IDENTITY_FW), varintField(2, 7), bytesField(5, 'b')));
    assert.equal(ifw.topic, '');
    assert.deepEqual(new Uint8Array(ifw.body), bytes('b'));
  });
});

describe('BATCH: the hand-rolled encoder and decoder against protobufjs', () => {
  const frameOf = (length: number, fill: number): Uint8Array => new Uint8Array(length).fill(fill);
  const sizeOf = (frames: Uint8Array[]): number => frames.reduce((sum, frame) => sum + batchEntryBytes(frame.length), BATCH_HEADER_BYTES);
  const shapes: [string, Uint8Array[]][] = [
    ['no frame', []],
    ['one empty frame', [new Uint8Array(0)]],
    ['small frames', [frameOf(1, 1), frameOf(30, 2), frameOf(127, 3)]],
    ['lengths on each side of the varint steps', [frameOf(127, 4), frameOf(128, 5), frameOf(16_383, 6), frameOf(16_384, 7)]],
    ['real frames', [
      TopicFW.encode({ type: MessageType.TOPIC_FW, fromAlias: 7, body: bytes('123456789'), topic: 'dense' }),
      Ping.encode({ type: MessageType.PING, time: 1.5 }),
    ]],
  ];

  for (const [name, frames] of shapes) {
    test(`${name}: byte-identical to protobufjs, and decodes (ours and protobufjs) to the same frames`, () => {
      const ours = encodeBatch(frames, 0, frames.length, sizeOf(frames));
      const reference = Batch.encode({ type: MessageType.BATCH, frames });
      assert.deepEqual(new Uint8Array(ours), new Uint8Array(reference));
      assert.equal(peekType(ours), MessageType.BATCH);
      assert.deepEqual(decodeBatch(ours).map(normalize), frames.map(normalize));
      assert.deepEqual(Batch.decode(ours).frames.map(normalize), frames.map(normalize));
    });
  }

  test('encodes a slice of a queue; decoded frames are views into the batch, not copies', () => {
    const queue = [bytes('a'), bytes('bb'), bytes('ccc'), bytes('dddd')];
    const batch = encodeBatch(queue, 1, 3, sizeOf(queue.slice(1, 3)));
    const frames = decodeBatch(batch);
    assert.deepEqual(frames.map(normalize), [bytes('bb'), bytes('ccc')]);
    assert.equal(frames[0]!.buffer, batch.buffer);
  });

  test('a wrong size is refused', () => {
    assert.throws(() => encodeBatch([bytes('ab')], 0, 1, 8), CodecError);
  });

  test('unknown fields are skipped; truncated input throws CodecError', () => {
    const frames = [bytes('x'), bytes('yz')];
    const batch = encodeBatch(frames, 0, 2, sizeOf(frames));
    const withUnknown = concat(batch, varintField(9, 300), bytesField(10, bytes('?')), fixed32Field(11, 1));
    assert.deepEqual(decodeBatch(withUnknown).map(normalize), frames);
    assert.throws(() => decodeBatch(batch.subarray(0, batch.length - 1)), CodecError);
    assert.throws(() => decodeBatch(Uint8Array.of(0x08, 0x0f, 0x12, 0x05, 1)), CodecError);
    assert.throws(() => decodeBatch(Uint8Array.of(0x08, 0x0f, 0x13)), CodecError);
  });
});
