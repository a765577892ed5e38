// A hand-written protobuf wire codec for tests: varints, fixed64 doubles and
// length-delimited fields, written and read byte by byte from the encoding
// rules (https://protobuf.dev/programming-guides/encoding/). It deliberately
// shares nothing with shared/codec.ts or protobufjs, so a test built on it is
// an independent check of what goes on the wire, as an original client sees it.

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_LENGTH_DELIMITED = 2;
export const WIRE_FIXED32 = 5;

const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

/** Varint of a non-negative integer up to 2^53 - 1 (exact: no 32-bit bitwise arithmetic). */
export function varint(value: number): Uint8Array {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`varint: ${value} is not a safe non-negative integer`);
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

export function tag(field: number, wireType: number): Uint8Array {
  return varint(field * 8 + wireType);
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** A varint field (uint64, enum, bool...). */
export function varintField(field: number, value: number): Uint8Array {
  return concat(tag(field, WIRE_VARINT), varint(value));
}

/** A length-delimited field: bytes, or a string as UTF-8. */
export function bytesField(field: number, value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === 'string' ? utf8Encoder.encode(value) : value;
  return concat(tag(field, WIRE_LENGTH_DELIMITED), varint(bytes.length), bytes);
}

/** A double field: fixed64, IEEE 754 little-endian. */
export function doubleField(field: number, value: number): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setFloat64(0, value, true);
  return concat(tag(field, WIRE_FIXED64), bytes);
}

/** A fixed32 field (only used to append unknown fields of every wire type). */
export function fixed32Field(field: number, value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return concat(tag(field, WIRE_FIXED32), bytes);
}

/** A message: its fields in the order given. */
export function message(...fields: Uint8Array[]): Uint8Array {
  return concat(...fields);
}

export interface WireField {
  field: number;
  wireType: number;
  /** The number for a varint field, the raw 8 or 4 bytes for fixed64/fixed32, the payload for length-delimited. */
  value: number | Uint8Array;
}

export class WireError extends Error {}

/** Reads a varint at `offset`; exact up to 2^53 - 1. */
export function readVarint(bytes: Uint8Array, offset: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let i = offset; i < bytes.length && i < offset + 10; i++) {
    const byte = bytes[i]!;
    value += (byte & 0x7f) * scale;
    scale *= 0x80;
    if (byte < 0x80) {
      if (!Number.isSafeInteger(value)) throw new WireError(`varint at ${offset} is above 2^53 - 1`);
      return { value, next: i + 1 };
    }
  }
  throw new WireError(`truncated or overlong varint at ${offset}`);
}

/** Splits a message into its fields, in wire order (repeated fields appear once per occurrence). */
export function parseFields(bytes: Uint8Array): WireField[] {
  const fields: WireField[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    const key = readVarint(bytes, offset);
    offset = key.next;
    const field = Math.floor(key.value / 8);
    const wireType = key.value % 8;
    if (field === 0) throw new WireError('field number 0');
    switch (wireType) {
      case WIRE_VARINT: {
        const { value, next } = readVarint(bytes, offset);
        fields.push({ field, wireType, value });
        offset = next;
        break;
      }
      case WIRE_FIXED64:
      case WIRE_FIXED32: {
        const size = wireType === WIRE_FIXED64 ? 8 : 4;
        if (offset + size > bytes.length) throw new WireError(`truncated fixed field ${field}`);
        fields.push({ field, wireType, value: bytes.subarray(offset, offset + size) });
        offset += size;
        break;
      }
      case WIRE_LENGTH_DELIMITED: {
        const length = readVarint(bytes, offset);
        offset = length.next;
        if (offset + length.value > bytes.length) throw new WireError(`truncated length-delimited field ${field}`);
        fields.push({ field, wireType, value: bytes.subarray(offset, offset + length.value) });
        offset += length.value;
        break;
      }
      default:
        throw new WireError(`unsupported wire type ${wireType} of field ${field}`);
    }
  }
  return fields;
}

/** A decoded message, read the way proto3 does: the last occurrence of a singular field wins, absent means default. */
export class WireMessage {
  readonly fields: WireField[];

  constructor(bytes: Uint8Array) {
    this.fields = parseFields(bytes);
  }

  has(field: number): boolean {
    return this.fields.some((f) => f.field === field);
  }

  #last(field: number, wireType: number): WireField | undefined {
    const matching = this.fields.filter((f) => f.field === field);
    const last = matching.at(-1);
    if (last && last.wireType !== wireType) throw new WireError(`field ${field} has wire type ${last.wireType}, expected ${wireType}`);
    return last;
  }

  /** A uint64 / enum field; 0 when absent. */
  uint(field: number): number {
    return (this.#last(field, WIRE_VARINT)?.value as number | undefined) ?? 0;
  }

  /** A bytes field; empty when absent. */
  bytes(field: number): Uint8Array {
    return (this.#last(field, WIRE_LENGTH_DELIMITED)?.value as Uint8Array | undefined) ?? new Uint8Array(0);
  }

  /** A string field; '' when absent. */
  string(field: number): string {
    return utf8Decoder.decode(this.bytes(field));
  }

  /** A double field; 0 when absent. */
  double(field: number): number {
    const raw = this.#last(field, WIRE_FIXED64)?.value as Uint8Array | undefined;
    if (!raw) return 0;
    return new DataView(raw.buffer, raw.byteOffset, raw.byteLength).getFloat64(0, true);
  }

  /** A repeated uint64 field, packed (proto3's default) or not, or a mix. */
  repeatedUint(field: number): number[] {
    const values: number[] = [];
    for (const f of this.fields) {
      if (f.field !== field) continue;
      if (f.wireType === WIRE_VARINT) {
        values.push(f.value as number);
      } else if (f.wireType === WIRE_LENGTH_DELIMITED) {
        const packed = f.value as Uint8Array;
        let offset = 0;
        while (offset < packed.length) {
          const { value, next } = readVarint(packed, offset);
          values.push(value);
          offset = next;
        }
      } else {
        throw new WireError(`repeated field ${field} has wire type ${f.wireType}`);
      }
    }
    return values;
  }
}
