// Where the coordinators of `broker cluster` listen and which of them each
// comm server is given first: several coordinators (sharing a NATS) take
// consecutive ports from --port, and the comm servers are spread over them.

/** Ports of `count` coordinators: consecutive from `first`, or all 0 (each picks a free one). */
export function coordinatorPorts(first: number, count: number): number[] {
  if (first !== 0 && first + count - 1 > 65535) throw new Error(`--port ${first} leaves no room for ${count} coordinators below 65536`);
  return Array.from({ length: count }, (_, index) => (first === 0 ? 0 : first + index));
}

/**
 * Every coordinator URL, starting from the one of comm server `index`
 * (round robin): a server registers with the first and moves to the next
 * when that one goes away.
 */
export function coordinatorUrlsFor(index: number, urls: readonly string[]): string[] {
  const first = index % urls.length;
  return [...urls.slice(first), ...urls.slice(0, first)];
}
