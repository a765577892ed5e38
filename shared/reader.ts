// The receiving half beside writer.ts: the frames one data channel message
// carries. With the BATCH extension (docs/PROTOCOL.md) a message may hold
// many frames; each is handled as if it had come alone. A BATCH inside a
// BATCH is skipped: nobody sends one, and unpacking it would let one message
// fan out without bound.
import { MessageType, decodeBatch } from './codec.js';

/** Whether a frame is a BATCH (its type is the first field, one byte). */
export function isBatch(frame: Uint8Array): boolean {
  return frame[0] === 0x08 && frame[1] === MessageType.BATCH;
}

/**
 * Calls `onFrame` for each frame of a BATCH, in order, until `stopped()`
 * holds (the receiver closed while handling one). Returns false, having
 * handled none, for a BATCH that cannot be decoded.
 */
export function readBatch(batch: Uint8Array, onFrame: (frame: Uint8Array) => void, stopped: () => boolean): boolean {
  let frames: Uint8Array[];
  try {
    frames = decodeBatch(batch);
  } catch {
    return false;
  }
  for (const frame of frames) {
    if (stopped()) break;
    if (!isBatch(frame)) onFrame(frame);
  }
  return true;
}
