// Bundles the client library's browser entry (dist/client/browser.js, from
// tsc) into one ES module, dist/browser/broker-client.js. Run after tsc.
// Fails if anything Node-only (werift, ws, node: modules) got into the bundle.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const outfile = 'dist/browser/broker-client.js';
await build({
  entryPoints: ['dist/client/browser.js'],
  outfile,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  sourcemap: true,
  legalComments: 'eof',
  logLevel: 'warning',
});

const bundle = readFileSync(outfile, 'utf8');
const forbidden = [/\bwerift\b/, /from\s*["']node:/, /require\(["'](?:node:|ws["'])/];
const found = forbidden.filter((pattern) => pattern.test(bundle));
if (found.length > 0) {
  process.stderr.write(`${outfile} contains Node-only code: ${found.join(', ')}\n`);
  process.exit(1);
}
