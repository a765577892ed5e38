#!/usr/bin/env node
// The `broker` command. A comm server's command line first gets its node
// flags (node-flags.ts: it may start the process again), before the commands
// and their modules load.
import { restartForCommServer } from './node-flags.js';
import { stopWithParent } from '../shared/parent-watch.js';

stopWithParent();
await restartForCommServer(process.argv.slice(2));
await import('./commands.js');
