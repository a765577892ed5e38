// Turns a limit spec (shared/config.ts) into yargs flags and back.
import type { Options } from 'yargs';
import type { LimitSpec } from '../shared/config.js';
import { nonNegativeNumber } from './options.js';

const kebab = (key: string) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

export function limitFlags(spec: Record<string, LimitSpec>): Record<string, Options> {
  return Object.fromEntries(Object.entries(spec).map(([key, { default: value, description }]) => [kebab(key), {
    type: 'number', default: value, description, group: 'Limits:', coerce: nonNegativeNumber(kebab(key)),
  } satisfies Options]));
}

/** Reads the limits back from parsed arguments, rejecting values that are not non-negative numbers. */
export function limitsFrom<Spec extends Record<string, LimitSpec>>(
  spec: Spec, argv: Record<string, unknown>,
): { [K in keyof Spec]: number } {
  const limits: Record<string, number> = {};
  for (const key of Object.keys(spec)) {
    const value = argv[kebab(key)];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`--${kebab(key)} must be a non-negative number, got ${String(value)}`);
    }
    limits[key] = value;
  }
  return limits as { [K in keyof Spec]: number };
}

export function portFrom(flag: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 65535) {
    throw new Error(`--${flag} must be an integer from 0 to 65535, got ${String(value)}`);
  }
  return value;
}
