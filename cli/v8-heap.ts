// The V8 heap settings a comm server applies to its own process, however it
// was started (`broker commserver`, `broker cluster`, the load test, a
// container). Why and what they measured: docs/CONFIGURATION.md, Memory.
//
// V8 reads --heap-growing-percent at every major collection, so it is set
// once the process runs. The young generation's size is fixed when V8 creates
// the heap: v8.setFlagsFromString('--max-semi-space-size=4') in a running
// process changes nothing (measured: the new space still grew to 2 x 16 MiB on
// Node 20, 2 x 32 MiB on Node 24). So the process starts itself again with
// the node flag (node-flags.ts): the `broker` entry does it before loading
// the commands, and the command checks it after its full parse.
import { setFlagsFromString } from 'node:v8';
import type { Options } from 'yargs';
import { DEFAULT_SEMI_SPACE_MIB, MAX_SEMI_SPACE_MIB, restartWithSemiSpace } from './node-flags.js';
import { integerIn } from './options.js';

export const heapGrowingOptions = {
  'heap-growing-percent': {
    type: 'number', default: 20, group: 'Memory:', coerce: integerIn('heap-growing-percent', 0, 1000),
    description: 'Collect the old generation once it has grown this many percent over its live size; 0 leaves it to V8, which lets promoted garbage about double it',
  },
  'max-semi-space-size': {
    type: 'number', default: DEFAULT_SEMI_SPACE_MIB, group: 'Memory:', coerce: integerIn('max-semi-space-size', 0, MAX_SEMI_SPACE_MIB),
    description: "Cap of V8's young generation, MiB per semi-space (node's flag of that name, which this process applies to itself by starting "
      + 'again with it); 0 leaves V8 its default (16 MiB on Node 20, 32 on Node 24) or a node flag given at start',
  },
} satisfies Record<string, Options>;

export function applyHeapGrowingPercent(percent: number): void {
  if (percent > 0) setFlagsFromString(`--heap-growing-percent=${percent}`);
}

/** Makes this process run with the young-generation cap it was asked for (node-flags.ts); may start it again. */
export async function applySemiSpaceSize(mib: number): Promise<void> {
  await restartWithSemiSpace(mib);
}
