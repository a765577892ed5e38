// npm start builds only what it runs (the product, not the tests), and the
// package ships what that build makes.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; files: string[] };
const productConfig = JSON.parse(readFileSync(join(root, 'tsconfig.product.json'), 'utf8')) as { include: string[] };

test('npm start compiles the product only: no test or benchmark source', { timeout: 60_000 }, async () => {
  assert.match(pkg.scripts.start!, /^npm run build:product && node dist\/cli\/broker\.js cluster\b/);
  assert.match(pkg.scripts['build:product']!, /tsc -p tsconfig\.product\.json/);
  const { stdout } = await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.product.json', '--listFilesOnly'], { cwd: root });
  const sources = stdout.split('\n').filter((file) => file && !file.includes('/node_modules/')).map((file) => file.slice(root.length));
  assert.deepEqual(sources.filter((file) => /^(test|bench)\//.test(file)), []);
  for (const file of ['cli/broker.ts', 'client/browser.ts', 'commserver/index.ts', 'coordinator/index.ts']) assert.ok(sources.includes(file), file);
});

test("the package's dist folders are what the product build makes", () => {
  const shipped = pkg.files.filter((entry) => entry.startsWith('dist/')).map((entry) => entry.slice('dist/'.length));
  // browser: the bundle of client/browser.ts; werift: our patched werift copy.
  assert.deepEqual(shipped.sort(), [...productConfig.include, 'browser', 'werift'].sort());
});
