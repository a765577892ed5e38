// The ERROR frames a comm server answers a client with when its topic
// permissions (shared/topic-permissions.ts) refuse what it sent: a TOPIC on a
// topic it may not publish to, or topics of its SUBSCRIPTION it may not
// subscribe to, listed in parts of at most 16 KiB.
import { ErrorFrame, MessageType } from '../shared/codec.js';

export const PUBLISH_DENIED = 'PUBLISH_DENIED';
export const SUBSCRIBE_DENIED = 'SUBSCRIBE_DENIED';

const PART_BYTES = 16 * 1024;

export function publishDeniedFrame(topic: string): Uint8Array {
  return ErrorFrame.encode({ type: MessageType.ERROR, code: PUBLISH_DENIED, topics: [topic], detail: 'not allowed to publish to this topic' });
}

export function subscribeDeniedFrames(topics: readonly string[]): Uint8Array[] {
  const frames: Uint8Array[] = [];
  let part: string[] = [];
  let bytes = 0;
  const flush = () => {
    frames.push(ErrorFrame.encode({ type: MessageType.ERROR, code: SUBSCRIBE_DENIED, topics: part, detail: 'not allowed to subscribe to these topics' }));
    part = [];
    bytes = 0;
  };
  for (const topic of topics) {
    const size = Buffer.byteLength(topic) + 3;
    if (part.length > 0 && bytes + size > PART_BYTES) flush();
    part.push(topic);
    bytes += size;
  }
  if (part.length > 0) flush();
  return frames;
}
