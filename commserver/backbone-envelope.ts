// What comm servers put on the NATS backbone: a broker frame with what its
// subject does not say (docs/OPERATIONS.md, "The NATS backbone").
//
//   byte 0      kind: FRAME (on a link), CLOSE (the link is closed), TOPIC (a topic message)
//   byte 1      channel: 0 reliable, 1 unreliable
//   byte 2      length of the sender's server id, then its UTF-8 bytes
//   then        FRAME, CLOSE: length of the link id, then its bytes
//               TOPIC: the sender's sequence number of this topic, 8 bytes (float64, big-endian)
//   then        length of the seal (0 without a cluster secret), then the seal
//   the rest    the frame
//
// The seal (nats-seal.ts) covers the subject and every byte but its own.
import type { NatsSeal } from '../shared/nats-seal.js';
import type { ChannelKind } from '../shared/rtc.js';

export const EnvelopeKind = { FRAME: 1, CLOSE: 2, TOPIC: 3 } as const;
export type EnvelopeKind = (typeof EnvelopeKind)[keyof typeof EnvelopeKind];

export interface Envelope {
  kind: EnvelopeKind;
  channel: ChannelKind;
  /** The sending comm server's stable identity. */
  from: string;
  /** FRAME and CLOSE: the link; TOPIC: ''. */
  linkId: string;
  /** TOPIC: the sender's number of this message on its topic, from 1; otherwise 0. */
  seq: number;
  frame: Uint8Array;
}

const MAX_ID_BYTES = 255;
const NO_SEAL = new Uint8Array(0);
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeEnvelope(subject: string, envelope: Envelope, seal: NatsSeal | undefined): Uint8Array {
  const from = encoder.encode(envelope.from);
  const link = encoder.encode(envelope.linkId);
  if (from.length > MAX_ID_BYTES || link.length > MAX_ID_BYTES) throw new RangeError('a server or link id over 255 bytes');
  const topic = envelope.kind === EnvelopeKind.TOPIC;
  const header = new Uint8Array(3 + from.length + (topic ? 8 : 1 + link.length));
  header[0] = envelope.kind;
  header[1] = envelope.channel === 'reliable' ? 0 : 1;
  header[2] = from.length;
  header.set(from, 3);
  const offset = 3 + from.length;
  if (topic) {
    new DataView(header.buffer).setFloat64(offset, envelope.seq);
  } else {
    header[offset] = link.length;
    header.set(link, offset + 1);
  }
  const sealText = seal === undefined ? NO_SEAL : encoder.encode(seal.seal(subject, concat(header, envelope.frame)));
  const sealed = new Uint8Array(header.length + 1 + sealText.length + envelope.frame.length);
  sealed.set(header);
  sealed[header.length] = sealText.length;
  sealed.set(sealText, header.length + 1);
  sealed.set(envelope.frame, header.length + 1 + sealText.length);
  return sealed;
}

function concat(first: Uint8Array, second: Uint8Array): Uint8Array {
  const joined = new Uint8Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}

/**
 * The envelope in `data`, received on `subject`; undefined when it is
 * malformed or, with `seal`, not sealed by a holder of the cluster secret.
 */
export function decodeEnvelope(subject: string, data: Uint8Array, seal: NatsSeal | undefined): Envelope | undefined {
  try {
    const kind = data[0];
    if (kind !== EnvelopeKind.FRAME && kind !== EnvelopeKind.CLOSE && kind !== EnvelopeKind.TOPIC) return undefined;
    if (data[1] !== 0 && data[1] !== 1) return undefined;
    let offset = 3 + data[2];
    const from = decoder.decode(data.subarray(3, offset));
    let linkId = '';
    let seq = 0;
    if (kind === EnvelopeKind.TOPIC) {
      seq = new DataView(data.buffer, data.byteOffset, data.byteLength).getFloat64(offset);
      if (!Number.isSafeInteger(seq) || seq < 1) return undefined;
      offset += 8;
    } else {
      const end = offset + 1 + data[offset];
      linkId = decoder.decode(data.subarray(offset + 1, end));
      offset = end;
    }
    const sealLength = data[offset];
    const frameStart = offset + 1 + sealLength;
    if (sealLength === undefined || frameStart > data.length || from === '') return undefined;
    if (seal) {
      const unsealed = concat(data.subarray(0, offset), data.subarray(frameStart));
      if (!seal.verify(subject, unsealed, decoder.decode(data.subarray(offset + 1, frameStart)))) return undefined;
    }
    return { kind, channel: data[1] === 0 ? 'reliable' : 'unreliable', from, linkId, seq, frame: data.subarray(frameStart) };
  } catch {
    return undefined;
  }
}
