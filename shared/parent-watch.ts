// A broker process started by another one (the local cluster, the load-test
// harness, a test) stops when its parent is gone: its stdin is a pipe from
// the parent, which the OS closes when the parent dies, even by SIGKILL. It
// stops as on SIGINT: at once, since whoever ran it is gone.

/** Set by shared/processes.ts and cli/node-flags.ts in the environment of the processes they start. */
export const STOP_WITH_PARENT = 'WEBRTC_BROKER_STOP_WITH_PARENT';

export function stopWithParent(): void {
  if (process.env[STOP_WITH_PARENT] !== '1') return;
  process.stdin.on('error', () => undefined);
  process.stdin.once('close', () => process.kill(process.pid, 'SIGINT'));
  process.stdin.resume();
}
