// The browser bundle (scripts/build-browser.js) holds nothing Node-only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { bundlePath } from './harness.js';

test('the browser bundle contains no werift and no node: import', async () => {
  const bundle = await readFile(bundlePath, 'utf8');
  assert.ok(bundle.length > 0);
  assert.doesNotMatch(bundle, /werift/);
  assert.doesNotMatch(bundle, /["']node:/);
  assert.doesNotMatch(bundle, /(?:from\s*|import\s*\(\s*|require\s*\(\s*)["']ws["']/);
  assert.match(bundle, /export\s*\{[^}]*\bBrokerClient\b[^}]*\}/);
});
