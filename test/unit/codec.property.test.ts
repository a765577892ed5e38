// Property-based tests of shared/codec.ts (fast-check): any valid message
// round-trips; any byte string either decodes or throws a CodecError, never
// anything else; peekType never throws anything but a CodecError.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  Auth, Connect, ConnectionRefused, Ping, Subscription, Topic, TopicFW, TopicIdentity, TopicIdentityFW, WebRtc,
  Welcome, decodeJson, peekType,
} from '../../shared/codec.js';
import { CodecError } from '../../shared/errors.js';

// Fixed seed: a failure reproduces exactly (fast-check prints the seed and the shrunk counterexample).
const SEED = 0x5eed;
const RUNS = 300;

const alias = fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER });
const enumValue = (max: number) => fc.integer({ min: 0, max });
const bytes = fc.uint8Array({ maxLength: 256 });
// Valid UTF-16 only: a lone surrogate is not a string protobuf can carry (it becomes U+FFFD).
const text = fc.string({ unit: 'grapheme', maxLength: 64 });
const messageType = enumValue(14);

interface CodecLike {
  encode(message: never): Uint8Array;
  decode(bytes: Uint8Array): unknown;
}

/** Each codec with an arbitrary of its valid messages. */
const codecs: Array<{ name: string; codec: CodecLike; value: fc.Arbitrary<Record<string, unknown>> }> = [
  { name: 'Welcome', codec: Welcome, value: fc.record({ type: messageType, alias, availableServers: fc.array(alias, { maxLength: 8 }), serverIds: fc.array(text, { maxLength: 8 }) }) },
  { name: 'Connect', codec: Connect, value: fc.record({ type: messageType, fromAlias: alias, toAlias: alias }) },
  { name: 'WebRtc', codec: WebRtc, value: fc.record({ type: messageType, fromAlias: alias, toAlias: alias, data: bytes }) },
  {
    name: 'ConnectionRefused', codec: ConnectionRefused,
    value: fc.record({ type: messageType, fromAlias: alias, toAlias: alias, reason: enumValue(2), data: bytes }),
  },
  { name: 'Ping', codec: Ping, value: fc.record({ type: messageType, time: fc.double() }) },
  { name: 'Subscription', codec: Subscription, value: fc.record({ type: messageType, format: enumValue(2), topics: bytes }) },
  { name: 'Auth', codec: Auth, value: fc.record({ type: messageType, role: enumValue(3), body: bytes, serverId: text }) },
  { name: 'Topic', codec: Topic, value: fc.record({ type: messageType, fromAlias: alias, topic: text, body: bytes }) },
  { name: 'TopicFW', codec: TopicFW, value: fc.record({ type: messageType, fromAlias: alias, body: bytes, topic: text }) },
  {
    name: 'TopicIdentity', codec: TopicIdentity,
    value: fc.record({ type: messageType, fromAlias: alias, topic: text, identity: bytes, role: enumValue(3), body: bytes }),
  },
  {
    name: 'TopicIdentityFW', codec: TopicIdentityFW,
    value: fc.record({ type: messageType, fromAlias: alias, identity: bytes, role: enumValue(3), body: bytes, topic: text }),
  },
];

/** Plain data for comparison: Buffers become Uint8Arrays, arrays are copied. */
function normalize(value: unknown): unknown {
  if (value instanceof Uint8Array) return new Uint8Array(value);
  if (Array.isArray(value)) return value.map(normalize);
  return value;
}

function pick(decoded: unknown, expected: Record<string, unknown>): Record<string, unknown> {
  const record = decoded as Record<string, unknown>;
  return Object.fromEntries(Object.keys(expected).map((key) => [key, normalize(record[key])]));
}

/** Runs `decode`; true if it decoded, false if it threw a CodecError; rethrows anything else. */
function decodesOrCodecError(decode: () => unknown): boolean {
  try {
    decode();
    return true;
  } catch (error) {
    if (error instanceof CodecError) return false;
    throw new Error(`threw ${(error as Error)?.constructor?.name ?? typeof error} instead of CodecError: ${String(error)}`);
  }
}

/** Byte strings that look like protobuf more often than uniform noise: valid frames, cut, spliced, flipped. */
const frameLike = fc.oneof(
  fc.uint8Array({ maxLength: 512 }),
  fc.tuple(fc.constantFrom(...codecs), fc.nat(), fc.uint8Array({ maxLength: 16 })).chain(([{ value, codec }, cut, tail]) =>
    value.map((message) => {
      const frame = codec.encode(message as never);
      const at = frame.length === 0 ? 0 : cut % (frame.length + 1);
      return Uint8Array.from([...frame.subarray(0, at), ...tail]);
    })),
  fc.tuple(fc.constantFrom(...codecs), fc.nat(), fc.integer({ min: 0, max: 255 })).chain(([{ value, codec }, position, byte]) =>
    value.map((message) => {
      const frame = Uint8Array.from(codec.encode(message as never));
      if (frame.length > 0) frame[position % frame.length] = byte;
      return frame;
    })),
);

describe('codec properties', () => {
  for (const { name, codec, value } of codecs) {
    test(`${name}: any valid message round-trips`, () => {
      fc.assert(fc.property(value, (message) => {
        const decoded = codec.decode(codec.encode(message as never));
        const got = pick(decoded, message);
        const want = pick(message, message);
        // Object.is for doubles: NaN and -0 must survive too.
        if (name === 'Ping') assert.ok(Object.is(got.time, want.time), `time ${String(got.time)} != ${String(want.time)}`);
        else assert.deepEqual(got, want);
      }), { seed: SEED, numRuns: RUNS });
    });
  }

  test('any byte string decodes or throws CodecError with every codec, never anything else', () => {
    fc.assert(fc.property(frameLike, (frame) => {
      for (const { codec } of codecs) decodesOrCodecError(() => codec.decode(frame));
    }), { seed: SEED, numRuns: 2_000 });
  });

  test('peekType returns a number or throws CodecError, for any bytes', () => {
    fc.assert(fc.property(frameLike, (frame) => {
      let type: unknown;
      if (decodesOrCodecError(() => (type = peekType(frame)))) {
        assert.equal(typeof type, 'number');
        assert.ok(Number.isInteger(type));
      }
    }), { seed: SEED, numRuns: 2_000 });
  });

  test('peekType of an encoded message is its type', () => {
    fc.assert(fc.property(fc.constantFrom(...codecs).chain(({ codec, value }) => value.map((message) => ({ codec, message }))), ({ codec, message }) => {
      assert.equal(peekType(codec.encode(message as never)), message.type);
    }), { seed: SEED, numRuns: RUNS });
  });

  test('decodeJson of any bytes returns a value or throws CodecError', () => {
    fc.assert(fc.property(fc.oneof(bytes, fc.json().map((json) => new TextEncoder().encode(json))), (data) => {
      decodesOrCodecError(() => decodeJson(data));
    }), { seed: SEED, numRuns: 1_000 });
  });
});
