/** A publisher id as a Map key: one character per byte. */
export function publisherKey(publisher: Uint8Array): string {
  return String.fromCharCode(...publisher);
}
