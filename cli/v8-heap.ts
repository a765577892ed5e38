// The V8 heap setting a comm server applies to its own process. V8 reads
// --heap-growing-percent at every major collection, so it can be set once the
// process runs; the young generation's size cannot (COMM_SERVER_NODE_ARGS in
// processes.ts). Why and what it measured: docs/CONFIGURATION.md.
import { setFlagsFromString } from 'node:v8';
import type { Options } from 'yargs';
import { integerIn } from './options.js';

export const heapGrowingOptions = {
  'heap-growing-percent': {
    type: 'number', default: 20, group: 'Memory:', coerce: integerIn('heap-growing-percent', 0, 1000),
    description: 'Collect the old generation once it has grown this many percent over its live size; 0 leaves it to V8, which lets promoted garbage about double it',
  },
} satisfies Record<string, Options>;

export function applyHeapGrowingPercent(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}
