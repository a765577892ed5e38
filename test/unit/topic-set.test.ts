// commserver/topic-set.ts: SUBSCRIPTION topic sets, within bounds.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { Format } from '../../shared/codec.js';
import { decodeTopicSet, encodeTopicSet, SubscriptionError, type SubscriptionBounds } from '../../commserver/topic-set.js';

const utf8 = new TextEncoder();
const plain = (text: string): Uint8Array => utf8.encode(text);
const gzip = (text: string | Uint8Array): Uint8Array => gzipSync(typeof text === 'string' ? plain(text) : text);
const sorted = (values: Iterable<string>): string[] => [...values].sort();

const bounds: SubscriptionBounds = { maxBytes: 64 * 1024, maxTopics: 1000, maxTopicLength: 256 };

function rejectsWith(code: SubscriptionError['code'], run: () => unknown): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof SubscriptionError, `expected a SubscriptionError, got ${String(error)}`);
    assert.equal(error.code, code);
    return true;
  });
}

describe('decodeTopicSet formats', () => {
  test('PLAIN: space-separated topics', () => {
    assert.deepEqual(sorted(decodeTopicSet(Format.PLAIN, plain('a b c'), bounds)), ['a', 'b', 'c']);
  });

  test('GZIP: the same list compressed', () => {
    assert.deepEqual(sorted(decodeTopicSet(Format.GZIP, gzip('a b c'), bounds)), ['a', 'b', 'c']);
  });

  test('UNKNOWN_FORMAT is read as plain text, like the original', () => {
    assert.deepEqual(sorted(decodeTopicSet(Format.UNKNOWN_FORMAT, plain('x y'), bounds)), ['x', 'y']);
  });

  test('topics are UTF-8', () => {
    assert.deepEqual(sorted(decodeTopicSet(Format.PLAIN, plain('café 東京 ü'), bounds)), ['café', 'ü', '東京']);
  });

  test('duplicates collapse', () => {
    assert.deepEqual(sorted(decodeTopicSet(Format.PLAIN, plain('a b a a b'), bounds)), ['a', 'b']);
    assert.deepEqual(sorted(decodeTopicSet(Format.GZIP, gzip('a b a a b'), bounds)), ['a', 'b']);
  });

  test('runs of spaces and leading/trailing spaces make no empty topic', () => {
    assert.deepEqual(sorted(decodeTopicSet(Format.PLAIN, plain('  a   b  '), bounds)), ['a', 'b']);
  });

  test('an empty list is the empty set (unsubscribe from everything)', () => {
    assert.equal(decodeTopicSet(Format.PLAIN, new Uint8Array(0), bounds).size, 0);
    assert.equal(decodeTopicSet(Format.PLAIN, plain('   '), bounds).size, 0);
    assert.equal(decodeTopicSet(Format.GZIP, gzip(''), bounds).size, 0);
  });
});

describe('decodeTopicSet bounds', () => {
  test('too many topics: TOO_MANY_TOPICS; exactly the maximum is fine', () => {
    const small = { ...bounds, maxTopics: 3 };
    assert.equal(decodeTopicSet(Format.PLAIN, plain('a b c'), small).size, 3);
    rejectsWith('TOO_MANY_TOPICS', () => decodeTopicSet(Format.PLAIN, plain('a b c d'), small));
    rejectsWith('TOO_MANY_TOPICS', () => decodeTopicSet(Format.GZIP, gzip('a b c d'), small));
  });

  test('duplicates do not count towards the topic limit', () => {
    const small = { ...bounds, maxTopics: 2 };
    assert.deepEqual(sorted(decodeTopicSet(Format.PLAIN, plain('a b a b a b'), small)), ['a', 'b']);
  });

  test('topic too long (in bytes, not characters): TOPIC_TOO_LONG', () => {
    const small = { ...bounds, maxTopicLength: 5 };
    assert.equal(decodeTopicSet(Format.PLAIN, plain('abcde'), small).size, 1);
    rejectsWith('TOPIC_TOO_LONG', () => decodeTopicSet(Format.PLAIN, plain('ok abcdef'), small));
    // 'ééé' is 3 characters but 6 bytes.
    rejectsWith('TOPIC_TOO_LONG', () => decodeTopicSet(Format.PLAIN, plain('ééé'), small));
    rejectsWith('TOPIC_TOO_LONG', () => decodeTopicSet(Format.GZIP, gzip('abcdef'), small));
  });

  test('plain list larger than maxBytes: SUBSCRIPTION_TOO_LARGE; exactly maxBytes is fine', () => {
    const small = { ...bounds, maxBytes: 100, maxTopicLength: 1000 };
    assert.equal(decodeTopicSet(Format.PLAIN, plain('t'.repeat(100)), small).size, 1);
    rejectsWith('SUBSCRIPTION_TOO_LARGE', () => decodeTopicSet(Format.PLAIN, plain('t'.repeat(101)), small));
  });

  test('gzip list larger than maxBytes once decompressed: SUBSCRIPTION_TOO_LARGE; exactly maxBytes is fine', () => {
    const small = { ...bounds, maxBytes: 100, maxTopicLength: 1000 };
    assert.equal(decodeTopicSet(Format.GZIP, gzip('t'.repeat(100)), small).size, 1);
    rejectsWith('SUBSCRIPTION_TOO_LARGE', () => decodeTopicSet(Format.GZIP, gzip('t'.repeat(101)), small));
  });

  test('gzip bomb: 10 MB of zeros gzipped, with maxBytes 64 KiB, is SUBSCRIPTION_TOO_LARGE', () => {
    const bomb = gzip(new Uint8Array(10 * 1024 * 1024));
    assert.ok(bomb.length < 64 * 1024, 'the compressed bomb itself is small');
    rejectsWith('SUBSCRIPTION_TOO_LARGE', () => decodeTopicSet(Format.GZIP, bomb, { ...bounds, maxBytes: 64 * 1024 }));
  });

  test('a topic list that is not UTF-8: BAD_FORMAT', () => {
    rejectsWith('BAD_FORMAT', () => decodeTopicSet(Format.PLAIN, Uint8Array.of(0x61, 0x20, 0xff, 0xfe), bounds));
  });

  test('invalid gzip: BAD_FORMAT', () => {
    rejectsWith('BAD_FORMAT', () => decodeTopicSet(Format.GZIP, plain('a b c'), bounds));
    const valid = gzip('a b c');
    rejectsWith('BAD_FORMAT', () => decodeTopicSet(Format.GZIP, valid.subarray(0, valid.length - 6), bounds));
    const corrupt = Uint8Array.from(valid);
    corrupt[corrupt.length - 5] ^= 0xff; // the CRC-32 / length trailer
    rejectsWith('BAD_FORMAT', () => decodeTopicSet(Format.GZIP, corrupt, bounds));
  });
});

describe('encodeTopicSet', () => {
  test('a list under 1 KiB is PLAIN and round-trips', () => {
    const topics = ['a', 'b', 'news', 'café'];
    const encoded = encodeTopicSet(topics);
    assert.equal(encoded.format, Format.PLAIN);
    assert.equal(new TextDecoder().decode(encoded.topics), 'a b news café');
    assert.deepEqual(sorted(decodeTopicSet(encoded.format, encoded.topics, bounds)), sorted(topics));
  });

  test('exactly 1 KiB stays PLAIN', () => {
    const topics = ['x'.repeat(200), 'y'.repeat(200), 'z'.repeat(200), 'w'.repeat(200), 'v'.repeat(220)]; // 1020 + 4 spaces
    const encoded = encodeTopicSet(topics);
    assert.equal(encoded.topics.length, 1024);
    assert.equal(encoded.format, Format.PLAIN);
  });

  test('a list above 1 KiB is GZIP and round-trips', () => {
    const topics = Array.from({ length: 500 }, (_, i) => `topic-${i}`);
    const encoded = encodeTopicSet(topics);
    assert.equal(encoded.format, Format.GZIP);
    assert.ok(encoded.topics.length < plain(topics.join(' ')).length, 'compressed is smaller');
    assert.deepEqual(sorted(decodeTopicSet(encoded.format, encoded.topics, bounds)), sorted(topics));
  });

  test('the empty set is an empty PLAIN list', () => {
    const encoded = encodeTopicSet([]);
    assert.equal(encoded.format, Format.PLAIN);
    assert.equal(encoded.topics.length, 0);
    assert.equal(decodeTopicSet(encoded.format, encoded.topics, bounds).size, 0);
  });
});
