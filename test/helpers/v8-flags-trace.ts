// `node --import <this module>`: appends every flag string the process passes
// to v8.setFlagsFromString to the file named by V8_FLAGS_TRACE_FILE, then
// applies it as before.
import { appendFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import v8 from 'node:v8';

export const V8_FLAGS_TRACE_FILE = 'V8_FLAGS_TRACE_FILE';
export const v8FlagsTraceImport = import.meta.url;

const traceFile = process.env[V8_FLAGS_TRACE_FILE];
if (traceFile) {
  const setFlags = v8.setFlagsFromString.bind(v8);
  v8.setFlagsFromString = (flags: string) => {
    appendFileSync(traceFile, `${flags}\n`);
    setFlags(flags);
  };
  syncBuiltinESMExports(); // `import { setFlagsFromString } from 'node:v8'` now sees the wrapper
}
