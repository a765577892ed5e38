// Bans (shared/bans.ts): an identity is banned until its ban ends, a new ban
// replaces an older one of the same identity, and the list is bounded: a ban
// beyond it is refused until an older one expires.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Bans } from '../../shared/bans.js';

const id = (name: string) => new TextEncoder().encode(name);

test('a ban lasts until it ends; a new ban of the same identity replaces it', () => {
  let now = 1_000;
  const bans = new Bans({ maxBans: 10, now: () => now });
  assert.equal(bans.ban(id('eve'), 500), 1_500);
  assert.equal(bans.bannedUntil(id('eve')), 1_500);
  assert.equal(bans.bannedUntil(id('bob')), undefined);
  now = 1_499;
  assert.deepEqual(bans.active().map(({ identity, remainingMs }) => [new TextDecoder().decode(identity), remainingMs]), [['eve', 1]]);
  now = 1_500;
  assert.equal(bans.bannedUntil(id('eve')), undefined);
  assert.equal(bans.size, 0);
  bans.ban(id('eve'), 10_000);
  assert.equal(bans.ban(id('eve'), 100), 1_600, 'the latest ban says');
});

test('at most maxBans: a further ban is refused until one expires, never one dropped early', () => {
  let now = 0;
  const bans = new Bans({ maxBans: 2, now: () => now });
  bans.ban(id('a'), 100);
  bans.ban(id('b'), 200);
  assert.equal(bans.hasRoomFor(id('c')), false);
  assert.equal(bans.hasRoomFor(id('a')), true, 'a ban of a banned identity replaces its own');
  assert.equal(bans.ban(id('c'), 100), undefined);
  assert.ok(bans.bannedUntil(id('a')) !== undefined && bans.bannedUntil(id('b')) !== undefined);
  now = 100;
  assert.equal(bans.hasRoomFor(undefined), true);
  assert.equal(bans.ban(id('c'), 100), 200);
  assert.equal(bans.size, 2);
});
