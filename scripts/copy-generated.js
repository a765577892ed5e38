// tsc does not copy plain .js sources: put the generated protobuf code beside the compiled codec.
import { cpSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
cpSync(join(root, 'shared', 'proto'), join(root, 'dist', 'shared', 'proto'), { recursive: true });
