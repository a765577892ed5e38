// Property-based tests of commserver/topic-set.ts (fast-check):
// whatever a peer sends as a SUBSCRIPTION topic list, the decoder returns a
// Set within its bounds or throws a SubscriptionError; valid lists round-trip.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { Format } from '../../shared/codec.js';
import { SubscriptionError, decodeTopicSet, encodeTopicSet, type SubscriptionBounds } from '../../commserver/topic-set.js';

const SEED = 0x70b1c;
const utf8 = new TextEncoder();

const bounds: fc.Arbitrary<SubscriptionBounds> = fc.record({
  maxBytes: fc.integer({ min: 0, max: 4096 }),
  maxTopics: fc.integer({ min: 0, max: 64 }),
  maxTopicLength: fc.integer({ min: 1, max: 64 }),
});

/** Topic lists as peers could send them: noise, space-separated words, repeated words, gzip of either, gzip of a long run. */
const payload: fc.Arbitrary<{ format: number; topics: Uint8Array }> = fc.oneof(
  fc.record({ format: fc.integer({ min: 0, max: 20 }), topics: fc.uint8Array({ maxLength: 2048 }) }),
  fc.array(fc.string({ unit: 'grapheme', maxLength: 80 }), { maxLength: 120 }).chain((words) =>
    fc.constantFrom(Format.PLAIN, Format.GZIP, Format.UNKNOWN_FORMAT).map((format) => {
      const plain = utf8.encode(words.join(' '));
      return { format, topics: format === Format.GZIP ? gzipSync(plain) : plain };
    })),
  // A small gzip that inflates far past every bound (a little bomb).
  fc.integer({ min: 1, max: 2_000_000 }).map((size) => ({ format: Format.GZIP, topics: gzipSync(Buffer.alloc(size, 0x61)) })),
);

function utf8Length(topic: string): number {
  return Buffer.byteLength(topic);
}

describe('subscription decoder properties', () => {
  test('any input gives a Set within the bounds or a SubscriptionError', () => {
    fc.assert(fc.property(payload, bounds, ({ format, topics }, limit) => {
      let result: Set<string>;
      try {
        result = decodeTopicSet(format, topics, limit);
      } catch (error) {
        assert.ok(error instanceof SubscriptionError, `threw ${String(error)}, not a SubscriptionError`);
        return;
      }
      assert.ok(result instanceof Set);
      assert.ok(result.size <= limit.maxTopics, `${result.size} topics over ${limit.maxTopics}`);
      for (const topic of result) {
        assert.ok(topic.length > 0, 'no empty topic');
        assert.ok(!topic.includes(' '), 'no space inside a topic');
        assert.ok(utf8Length(topic) <= limit.maxTopicLength, `topic of ${utf8Length(topic)} bytes over ${limit.maxTopicLength}`);
      }
      // Memory: every input byte gives at most one UTF-16 unit (invalid UTF-8 becomes one U+FFFD per bad
      // sequence, so its re-encoded UTF-8 can be longer than the wire bytes, but never more code units).
      const units = [...result].reduce((sum, topic) => sum + topic.length, 0);
      assert.ok(units <= limit.maxBytes, `${units} UTF-16 units of topics over ${limit.maxBytes} bytes`);
    }), { seed: SEED, numRuns: 500 });
  });

  test('a valid topic set round-trips through encodeTopicSet (plain or gzip)', () => {
    const topic = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 32 }).filter((t) => !/\s/.test(t));
    fc.assert(fc.property(fc.uniqueArray(topic, { maxLength: 200 }), (topics) => {
      const { format, topics: encoded } = encodeTopicSet(topics);
      const decoded = decodeTopicSet(format, encoded, { maxBytes: 1 << 20, maxTopics: 1000, maxTopicLength: 64 });
      assert.deepEqual([...decoded].sort(), [...topics].sort());
    }), { seed: SEED, numRuns: 200 });
  });
});
