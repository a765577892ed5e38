import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALIASES_PER_MS, AliasAllocator, AliasError, epochAliasStart } from '../../coordinator/index.js';

test('aliases increase from the injected start', () => {
  const aliases = new AliasAllocator(5);
  assert.deepEqual([aliases.next(), aliases.next(), aliases.next()], [5, 6, 7]);
});

test('the default start is epoch-based', () => {
  const before = Date.now() * ALIASES_PER_MS;
  const first = new AliasAllocator().next();
  const after = Date.now() * ALIASES_PER_MS;
  assert.ok(first >= before && first <= after);
});

test('a successor started a millisecond later does not reuse aliases of a predecessor below the rate bound', () => {
  const predecessor = new AliasAllocator(epochAliasStart(1_700_000_000_000));
  let last = 0;
  for (let i = 0; i < ALIASES_PER_MS; i++) last = predecessor.next();
  assert.ok(last < new AliasAllocator(epochAliasStart(1_700_000_000_001)).next());
});

test('epoch-based starts stay below 2^53 until the year 2248', () => {
  assert.ok(Number.isSafeInteger(epochAliasStart(Date.UTC(2248, 0, 1))));
  assert.ok(!Number.isSafeInteger(epochAliasStart(Date.UTC(2249, 0, 1))));
});

test('aliases never reach 2^53', () => {
  const aliases = new AliasAllocator(Number.MAX_SAFE_INTEGER);
  assert.equal(aliases.next(), Number.MAX_SAFE_INTEGER);
  assert.throws(() => aliases.next(), (error) => error instanceof AliasError && error.code === 'ALIASES_EXHAUSTED');
});

test('an invalid start is refused', () => {
  for (const start of [0, -1, 1.5, 2 ** 53, Number.NaN]) {
    assert.throws(() => new AliasAllocator(start), (error) => error instanceof AliasError && error.code === 'INVALID_ALIAS_START');
  }
});
