// The body every load-test message carries. Nine bytes is the dense
// scenario's whole budget (a position update), so the sender is not in it:
// receivers take it from TOPIC_FW's from_alias.
//
//   [0]    kind: PROBE (readiness, not measured) or MEASURED
//   [1..4] sequence number of this sender, uint32 big-endian
//   [5..8] send time in microseconds since the run's shared epoch, uint32
//          (wraps after 71 minutes, so a measured phase is capped at an hour)
//   [9..]  zero padding up to --size

export const MIN_BODY_BYTES = 9;
export const MAX_MEASURED_MICROS = 0xffff_ffff;

export const PROBE = 0;
export const MEASURED = 1;

export interface MeasuredStamp {
  sequence: number;
  sentMicros: number;
}

export function probeBody(size: number): Uint8Array {
  return new Uint8Array(Math.max(size, MIN_BODY_BYTES));
}

export function measuredBody(size: number, sequence: number, sentMicros: number): Uint8Array {
  const body = new Uint8Array(Math.max(size, MIN_BODY_BYTES));
  const view = new DataView(body.buffer);
  body[0] = MEASURED;
  view.setUint32(1, sequence);
  view.setUint32(5, Math.min(Math.max(0, Math.round(sentMicros)), MAX_MEASURED_MICROS));
  return body;
}

/** The stamp of a measured body; undefined for a probe or a body that is not ours. */
export function readStamp(body: Uint8Array): MeasuredStamp | undefined {
  if (body.length < MIN_BODY_BYTES || body[0] !== MEASURED) return undefined;
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  return { sequence: view.getUint32(1), sentMicros: view.getUint32(5) };
}

export function isProbe(body: Uint8Array): boolean {
  return body.length >= MIN_BODY_BYTES && body[0] === PROBE;
}
