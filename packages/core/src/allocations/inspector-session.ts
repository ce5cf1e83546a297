import { Session } from 'node:inspector';
import { fileURLToPath } from 'node:url';

/** This module's file, whose frames a heap profile shows for the session's own messages. */
export const INSPECTOR_SESSION_FILE = fileURLToPath(import.meta.url);

/** The part of a DevTools protocol session perfgate uses, with promises. */
export interface ProtocolSession {
  post<T = unknown>(method: string, params?: object): Promise<T>;
  /** Calls `listener` with each event's params until the returned function is called. */
  on<P>(event: string, listener: (params: P) => void): () => void;
  disconnect(): void;
}

/**
 * A session with this thread's own V8 inspector. No flag is needed, and it
 * works beside a debugger the user attached (sessions are independent).
 */
export function openInspectorSession(): ProtocolSession {
  const session = new Session();
  session.connect();
  return {
    post<T>(method: string, params?: object) {
      return new Promise<T>((resolve, reject) => {
        // Node's typings list the protocol's methods one by one; perfgate sends a few it knows the shape of.
        (session.post as (m: string, p: object | undefined, cb: (error: Error | null, result?: object) => void) => void)(method, params, (error, result) =>
          error ? reject(error) : resolve(result as T),
        );
      });
    },
    on<P>(event: string, listener: (params: P) => void) {
      const handler = (message: { params: P }) => listener(message.params);
      session.on(event, handler);
      return () => session.off(event, handler);
    },
    disconnect: () => session.disconnect(),
  };
}
