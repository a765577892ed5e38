// The per-runtime pieces the client needs, injected by its entry point:
// werift and `ws` in Node (client/index.ts), the browser's own classes there.
import type { RtcFactory } from '../shared/rtc.js';
import type { MessageSocket } from '../shared/websocket-channel.js';

export interface WebSocketLike extends MessageSocket {
  binaryType: string;
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: { code: number; reason: string }) => void) | null;
  onerror: ((event: { message?: string; error?: unknown }) => void) | null;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface ClientRuntime {
  rtc: RtcFactory;
  WebSocket: WebSocketConstructor;
}

let installed: ClientRuntime | undefined;

export function setClientRuntime(runtime: ClientRuntime): void {
  installed = runtime;
}

export function clientRuntime(): ClientRuntime | undefined {
  return installed;
}
