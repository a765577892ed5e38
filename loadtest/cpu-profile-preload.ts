// Preloaded into comm servers (NODE_OPTIONS=--import=...) to write a V8 CPU
// profile on exit, as `node --cpu-prof` would: Node refuses --cpu-prof in
// NODE_OPTIONS, and a child's command line is not ours to change.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

export const PROFILE_DIR_VARIABLE = 'LOADTEST_CPU_PROFILE_DIR';

const directory = process.env[PROFILE_DIR_VARIABLE];
if (directory) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.start');
  // An in-thread inspector session answers synchronously, so this completes inside 'exit'.
  process.on('exit', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(join(directory, `CPU.${process.pid}.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
