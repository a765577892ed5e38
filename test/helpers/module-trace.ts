// `node --import <this module>`: appends the URL of every module the process
// resolves through the ES module loader to the file named by MODULE_TRACE_FILE,
// so a test can show what a process never loads.
import { appendFileSync, readFileSync } from 'node:fs';
import { register } from 'node:module';
import { isMainThread } from 'node:worker_threads';

export const MODULE_TRACE_FILE = 'MODULE_TRACE_FILE';

interface Resolved { url: string }
type NextResolve = (specifier: string, context: unknown) => Promise<Resolved>;

// The hooks below run on the loader's own thread, which imports this module again.
if (isMainThread && process.env[MODULE_TRACE_FILE]) {
  register(import.meta.url, { data: process.env[MODULE_TRACE_FILE] });
}

let traceFile: string | undefined;

export function initialize(file: string): void {
  traceFile = file;
}

export async function resolve(specifier: string, context: unknown, next: NextResolve): Promise<Resolved> {
  const resolved = await next(specifier, context);
  if (traceFile) appendFileSync(traceFile, `${resolved.url}\n`);
  return resolved;
}

/** The URLs a traced process resolved. */
export function tracedModules(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

export const moduleTraceImport = import.meta.url;
