// Listening with a Node HTTP server so that it can never throw later: a
// listen failure (port in use) rejects, and errors after that (accept
// failures such as EMFILE under a connection flood) are logged and survived.
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { Logger } from './log.js';

export async function listenHttp(server: Server, port: number, host: string, logger: Logger): Promise<void> {
  server.listen(port, host);
  await once(server, 'listening');
  server.on('error', (error) => logger.warn({ err: error.message }, 'HTTP server error'));
}
