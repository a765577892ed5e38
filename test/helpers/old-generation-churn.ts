// Run as a child process by test/unit/v8-heap.test.ts (V8 flags are
// process-wide): applies the comm server's --heap-growing-percent, then keeps
// a live set while replacing medium-lived objects that outlive young
// collections, and prints the old generation's largest used size.
import { getHeapSpaceStatistics } from 'node:v8';
import { applyHeapGrowingPercent } from '../../cli/v8-heap.js';

applyHeapGrowingPercent(Number(process.argv[2]));
const live = Array.from({ length: 150_000 }, (_, i) => ({ i, name: `live-${i}` }));
const ring: unknown[] = new Array(50_000).fill(null);
let largestOldBytes = 0;
for (let round = 0; round < 150; round++) {
  for (let k = 0; k < ring.length; k++) ring[k] = { round, k, payload: `p${round}-${k}` };
  const old = getHeapSpaceStatistics().find((space) => space.space_name === 'old_space')!;
  largestOldBytes = Math.max(largestOldBytes, old.space_used_size);
}
process.stdout.write(`${JSON.stringify({ largestOldBytes, live: live.length })}\n`);
