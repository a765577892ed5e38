// Regenerates the static protobuf code in shared/proto/ from proto/broker.proto.
// `node scripts/gen-proto.js --out DIR` writes elsewhere (the staleness test uses it).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag >= 0 ? resolve(process.argv[outFlag + 1]) : join(root, 'shared', 'proto');
mkdirSync(outDir, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);
const js = join(outDir, 'broker.js');

execFileSync(bin('pbjs'), [
  '-t', 'static-module', '-w', 'es6',
  '--no-verify', '--no-convert', '--no-delimited', '--no-service', '--no-beautify',
  '-o', js, join(root, 'proto', 'broker.proto'),
], { stdio: 'inherit' });
execFileSync(bin('pbts'), ['--no-comments', '-o', join(outDir, 'broker.d.ts'), js], { stdio: 'inherit' });
