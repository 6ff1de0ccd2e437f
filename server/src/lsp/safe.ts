import type { Connection } from 'vscode-languageserver';
import { errorText } from './diagnostics';

/**
 * Wraps a handler so an exception is logged and answered with `fallback` (an empty
 * result): one bad request never takes the server down or leaves the client waiting.
 */
export function guard<P, R>(connection: Connection, name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      connection.console.error(`${name} failed: ${errorText(error)}`);
      return fallback;
    }
  };
}

/** The same for notifications, which have no result. */
export function guardNotification<P>(connection: Connection, name: string, handler: (params: P) => void): (params: P) => void {
  return (params: P) => {
    try {
      handler(params);
    } catch (error) {
      connection.console.error(`${name} failed: ${errorText(error)}`);
    }
  };
}
