// fast-check arbitraries of frames a hostile peer might send: structurally
// valid messages of every type (and unknown ones) with random field values,
// valid frames cut, spliced or byte-flipped, and plain noise; and WebSocket
// frames carrying them, with any header bits, for the fallback endpoint.
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { bytesField, doubleField, fixed32Field, message, varintField } from '../helpers/protobuf-wire.js';
import { OPCODE, wsFrame } from './raw-websocket.js';

const alias = (known: number[]) => fc.oneof(fc.constantFrom(0, 1, Number.MAX_SAFE_INTEGER, ...known), fc.nat({ max: 2 ** 40 }));
const smallBytes = fc.uint8Array({ maxLength: 64 });
const topicName = fc.oneof(fc.constantFrom('a', 'b', 'fuzz', 'bystanders'), fc.string({ maxLength: 24 }));

/** A protobuf message with random, plausible fields for `type`. */
export function validShaped(knownAliases: number[] = []): fc.Arbitrary<Uint8Array> {
  const a = alias(knownAliases);
  const type = fc.oneof(fc.integer({ min: 0, max: 30 }), fc.constantFrom(99, 300, 2 ** 31 - 1));
  const json = fc.oneof(
    fc.json({ maxDepth: 2 }),
    fc.constantFrom('{"type":"answer","sdp":"v=0\\r\\n"}', '{"candidate":""}', '{"candidate":"candidate:1 1 udp 1 127.0.0.1 9 typ host","sdpMid":"0"}', 'null', '{'),
  );
  const topics = fc.array(topicName, { maxLength: 8 }).map((names) => names.join(' '));
  return fc.oneof(
    fc.tuple(type, a, a).map(([t, from, to]) => message(varintField(1, t), varintField(2, from), varintField(3, to))),
    fc.tuple(fc.integer({ min: 2, max: 5 }), a, a, json).map(([t, from, to, data]) =>
      message(varintField(1, t), varintField(2, from), varintField(3, to), bytesField(4, data))),
    fc.tuple(a, topicName, smallBytes).map(([from, topic, body]) => message(varintField(1, 9), varintField(2, from), bytesField(3, topic), bytesField(4, body))),
    fc.tuple(a, topicName, smallBytes, fc.integer({ min: 0, max: 5 }), smallBytes).map(([from, topic, identity, role, body]) =>
      message(varintField(1, 11), varintField(2, from), bytesField(3, topic), bytesField(4, identity), varintField(5, role), bytesField(6, body))),
    fc.tuple(fc.integer({ min: 0, max: 3 }), topics, fc.boolean()).map(([format, list, gzip]) =>
      message(varintField(1, 7), varintField(2, gzip ? 2 : format), bytesField(3, gzip ? gzipSync(list) : list))),
    fc.double().map((time) => message(varintField(1, 6), doubleField(2, time))),
    fc.tuple(fc.integer({ min: 0, max: 5 }), smallBytes).map(([role, body]) => message(varintField(1, 8), varintField(2, role), bytesField(3, body))),
    fc.tuple(topicName, fc.array(fc.tuple(smallBytes, fc.nat()), { maxLength: 4 }), fc.nat()).map(([topic, positions, sinceMs]) => message(
      varintField(1, 19), bytesField(2, topic),
      ...positions.map(([publisher, topicSeq]) => bytesField(3, message(bytesField(1, publisher), varintField(2, topicSeq)))), varintField(4, sinceMs),
    )),
    fc.tuple(fc.nat(), topicName, fc.boolean(), fc.array(smallBytes, { maxLength: 3 })).map(([requestId, topic, reply, inner]) => message(
      varintField(1, 21), varintField(2, requestId), bytesField(3, topic), varintField(4, reply ? 1 : 0), ...inner.map((frame) => bytesField(7, frame)),
    )),
    fc.tuple(fc.nat(), topicName).map(([requestId, topic]) => message(varintField(1, 22), varintField(2, requestId), bytesField(3, topic))),
    fc.tuple(fc.constantFrom(23, 24), fc.boolean(), topicName, fc.array(fc.tuple(fc.nat(), smallBytes, fc.integer({ min: 0, max: 4 })), { maxLength: 4 }), fc.boolean())
      .map(([t, full, topic, members, left]) => {
        const encoded = members.map(([memberAlias, clientId, reason]) =>
          bytesField(left ? 3 : 2, message(varintField(1, memberAlias), bytesField(4, clientId), varintField(5, reason))));
        return t === 23
          ? message(varintField(1, t), bytesField(2, message(bytesField(1, topic), ...encoded)))
          : message(varintField(1, t), varintField(2, full ? 1 : 0), bytesField(3, message(bytesField(1, topic), ...encoded)));
      }),
    fc.tuple(fc.nat(), a, smallBytes, smallBytes, a, smallBytes).map(([requestId, to, toIdentity, body, from, fromIdentity]) => message(
      varintField(1, 25), varintField(2, requestId), varintField(3, to), bytesField(4, toIdentity), bytesField(5, body), varintField(6, from), bytesField(7, fromIdentity),
    )),
    fc.tuple(fc.nat(), fc.constantFrom('', 'NO_SUCH_PEER', 'TIMEOUT', 'other')).map(([requestId, error]) =>
      message(varintField(1, 26), varintField(2, requestId), bytesField(3, error))),
    fc.tuple(fc.boolean(), fc.array(fc.tuple(a, smallBytes), { maxLength: 4 }), fc.array(a, { maxLength: 4 }), fc.boolean()).map(([full, added, removed, more]) => message(
      varintField(1, 27), varintField(2, full ? 1 : 0),
      ...added.map(([entryAlias, identity]) => bytesField(3, message(varintField(1, entryAlias), bytesField(2, identity)))),
      ...removed.map((removedAlias) => varintField(4, removedAlias)), varintField(5, more ? 1 : 0),
    )),
    // KICK and KICKED, which only the coordinator and comm servers may send each other; ERROR with its body.
    fc.tuple(fc.constantFrom(28, 29), fc.nat(), a, smallBytes, fc.nat()).map(([t, requestId, target, identity, n]) => message(
      varintField(1, t), varintField(2, requestId), varintField(3, t === 28 ? target : n), bytesField(4, identity), varintField(5, n),
    )),
    fc.tuple(fc.string({ maxLength: 20 }), fc.array(topicName, { maxLength: 3 })).map(([code, topics]) =>
      message(varintField(1, 14), bytesField(30, code), ...topics.map((topic) => bytesField(31, topic)))),
    fc.tuple(type, fc.integer({ min: 5, max: 30 }), fc.nat()).map(([t, field, value]) => message(varintField(1, t), fixed32Field(field, value))),
  );
}

/** Valid-shaped frames, mostly; sometimes mutated or noise (`hostileShare` of them). */
export function hostileFrame(knownAliases: number[] = [], hostileShare = 0.1): fc.Arbitrary<Uint8Array> {
  const valid = validShaped(knownAliases);
  const mutated = fc.tuple(valid, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'cut', 'append')).map(([frame, at, byte, how]) => {
    const copy = Uint8Array.from(frame);
    const position = copy.length === 0 ? 0 : at % copy.length;
    if (how === 'flip' && copy.length > 0) copy[position] = byte;
    if (how === 'cut') return copy.subarray(0, position);
    if (how === 'append') return Uint8Array.from([...copy, byte, (byte * 7) & 0xff]);
    return copy;
  });
  const noise = fc.uint8Array({ minLength: 1, maxLength: 200 });
  const weight = Math.round(hostileShare * 100);
  return fc.oneof({ arbitrary: valid, weight: 100 - weight }, { arbitrary: mutated, weight: Math.ceil(weight / 2) }, { arbitrary: noise, weight: Math.floor(weight / 2) });
}

/**
 * A WebSocket frame as a hostile client might send it to the fallback
 * endpoint: mostly binary frames carrying `hostileFrame`s, and any opcode,
 * FIN, reserved bits, mask and stated length (`lies`: how often the length
 * in the header is not the payload's), or bare noise.
 */
export function hostileWebSocketFrame(knownAliases: number[] = [], lies = 0.05): fc.Arbitrary<Uint8Array> {
  const weighted = <T>(usual: T, other: fc.Arbitrary<T>, otherShare: number) =>
    fc.oneof({ arbitrary: fc.constant(usual), weight: Math.round((1 - otherShare) * 100) }, { arbitrary: other, weight: Math.round(otherShare * 100) });
  const spec = fc.record({
    opcode: weighted(OPCODE.BINARY, fc.integer({ min: 0, max: 15 }), 0.25),
    fin: weighted(true, fc.constant(false), 0.1),
    rsv: weighted(0, fc.constantFrom(0x10, 0x20, 0x40, 0x70), 0.1),
    masked: weighted(true, fc.constant(false), 0.05),
    payload: fc.oneof(
      { arbitrary: hostileFrame(knownAliases, 0.2), weight: 90 },
      { arbitrary: fc.uint8Array({ maxLength: 300 }), weight: 8 },
      { arbitrary: fc.constant(new Uint8Array(70_000)), weight: 2 },
    ),
    statedLength: weighted(undefined, fc.oneof(fc.nat({ max: 300 }), fc.constantFrom(126, 65_535, 2 ** 32, Number.MAX_SAFE_INTEGER)), lies),
  });
  return fc.oneof({ arbitrary: spec.map(wsFrame), weight: 97 }, { arbitrary: fc.uint8Array({ minLength: 1, maxLength: 64 }), weight: 3 });
}
