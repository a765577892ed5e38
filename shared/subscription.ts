// SUBSCRIPTION topic lists: the complete set of topics, space-separated
// (docs/PROTOCOL.md). Topic names therefore never contain a space.
import { BrokerError } from './errors.js';

const utf8 = new TextEncoder();

export class TopicNameError extends BrokerError<'INVALID_TOPIC'> {}

/** Throws TopicNameError for a name that cannot travel in a SUBSCRIPTION. */
export function assertTopicName(topic: string): void {
  if (topic.length === 0 || /\s/.test(topic)) {
    throw new TopicNameError('INVALID_TOPIC', `invalid topic name ${JSON.stringify(topic)}: must be non-empty, without whitespace`);
  }
}

export function encodeTopicList(topics: Iterable<string>): Uint8Array {
  return utf8.encode([...topics].join(' '));
}
