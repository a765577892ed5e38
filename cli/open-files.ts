// Each peer of a comm server holds a socket (a UDP socket per WebRTC peer, a
// TCP one per WebSocket client). Past the process's open-files limit new peer
// connections cannot open theirs and fail as ice-failed, which says nothing of
// the cause; so the comm server compares the limit with --max-peers at start.
import { readdirSync, readFileSync } from 'node:fs';
import type { Logger } from '../shared/log.js';

/** The soft limit on open files and the descriptors open now, where the platform tells (Linux: /proc). */
function openFiles(): { limit: number; inUse: number } | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').split('\n').find((entry) => entry.startsWith('Max open files'));
    const limit = Number(line?.split(/\s{2,}/)[1]);
    if (!Number.isSafeInteger(limit)) return undefined;
    return { limit, inUse: readdirSync('/proc/self/fd').length };
  } catch {
    return undefined;
  }
}

/** Warns once when `maxPeers` more sockets would not fit under the open-files limit. */
export function warnIfTooFewOpenFiles(logger: Logger, maxPeers: number): void {
  const files = openFiles();
  if (files === undefined || files.inUse + maxPeers <= files.limit) return;
  logger.warn(
    { openFilesLimit: files.limit, openFilesInUse: files.inUse, maxPeers, peersThatFit: Math.max(0, files.limit - files.inUse) },
    'the open-files limit is below what --max-peers needs (a socket per peer): peers past it fail to connect (ice-failed); raise the limit (ulimit -n, LimitNOFILE) or lower --max-peers',
  );
}
