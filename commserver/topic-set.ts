// A SUBSCRIPTION's topic set, both ways: encoded for the interest we send other
// servers (gzipped past a kilobyte), and read within bounds from what a
// peer sends (a gzip bomb, a huge list or an oversize topic name is a protocol
// error, never unbounded memory).
import { gunzipSync, gzipSync } from 'node:zlib';
import { Format } from '../shared/codec.js';
import { BrokerError } from '../shared/errors.js';
import { encodeTopicList } from '../shared/subscription.js';

export class SubscriptionError extends BrokerError<'SUBSCRIPTION_TOO_LARGE' | 'TOO_MANY_TOPICS' | 'TOPIC_TOO_LONG' | 'BAD_FORMAT'> {}

export interface SubscriptionBounds {
  maxBytes: number;
  maxTopics: number;
  maxTopicLength: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeTopicSet(format: Format, topics: Uint8Array, bounds: SubscriptionBounds): Set<string> {
  const plain = decompress(format, topics, bounds.maxBytes);
  const result = new Set<string>();
  if (plain.length === 0) return result;
  let text: string;
  try {
    text = utf8.decode(plain);
  } catch (cause) {
    throw new SubscriptionError('BAD_FORMAT', 'topic list is not valid UTF-8', { cause });
  }
  for (const topic of text.split(' ')) {
    if (topic.length === 0) continue;
    if (Buffer.byteLength(topic) > bounds.maxTopicLength) {
      throw new SubscriptionError('TOPIC_TOO_LONG', `topic longer than ${bounds.maxTopicLength} bytes`);
    }
    result.add(topic);
    if (result.size > bounds.maxTopics) {
      throw new SubscriptionError('TOO_MANY_TOPICS', `more than ${bounds.maxTopics} topics`);
    }
  }
  return result;
}

function decompress(format: Format, topics: Uint8Array, maxBytes: number): Uint8Array {
  if (format === Format.GZIP) {
    try {
      return gunzipSync(topics, { maxOutputLength: maxBytes });
    } catch (cause) {
      const tooLarge = (cause as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || cause instanceof RangeError;
      throw tooLarge
        ? new SubscriptionError('SUBSCRIPTION_TOO_LARGE', `topic list larger than ${maxBytes} bytes once decompressed`, { cause })
        : new SubscriptionError('BAD_FORMAT', 'topic list is not valid gzip', { cause });
    }
  }
  // The original treats every format other than GZIP as plain text.
  if (topics.length > maxBytes) {
    throw new SubscriptionError('SUBSCRIPTION_TOO_LARGE', `topic list larger than ${maxBytes} bytes`);
  }
  return topics;
}

/** Server-to-server topic lists can be long: compress past a kilobyte. */
export function encodeTopicSet(topics: Iterable<string>): { format: Format; topics: Uint8Array } {
  const plain = encodeTopicList(topics);
  if (plain.length <= 1024) return { format: Format.PLAIN, topics: plain };
  return { format: Format.GZIP, topics: gzipSync(plain) };
}
