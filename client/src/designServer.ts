// The client's way to ask the language server about a design (walkthrough, artifacts): waits
// until the server runs, and when it stops mid-request (a crash, or Restart Language Server)
// asks once more after it runs again. Failures become one clear message for the user.
import * as vscode from 'vscode';
import { ConnectionError, ErrorCodes, ResponseError, State, type BaseLanguageClient, type RequestParam, type RequestType } from 'vscode-languageclient/browser';
import { serverGaveUp } from './languageClient';

/** How long a request waits for a (re)starting server before telling the user. */
const START_WAIT_MS = 30_000;

const NOT_RUNNING = 'The Integration Designer language server is not running. Run "Integration Designer: Restart Language Server", or see the Integration Designer output for why it stopped.';
const STILL_STARTING = 'The Integration Designer language server did not start in time. Try again, or see the Integration Designer output.';

/** The server could not answer; `message` says so in words for the user. */
export class ServerUnavailableError extends Error {}

export class DesignServer {
  /** Fires when the server is running (again), e.g. for open panels to refresh. */
  readonly onDidStart: vscode.Event<void>;

  constructor(private readonly client: BaseLanguageClient) {
    this.onDidStart = (listener, thisArgs, disposables) => client.onDidChangeState(({ newState }) => {
      if (newState === State.Running) listener.call(thisArgs);
    }, undefined, disposables);
  }

  /** Answers a request the server sends (the handler stays registered across restarts). */
  onRequest<P, R>(type: RequestType<P, R, void>, handler: (params: P) => Promise<R>): vscode.Disposable {
    return this.client.onRequest(type.method, (params: P) => handler(params));
  }

  /**
   * Sends a request once the server runs. `what` completes "The language server could not …"
   * when the server answered null (it failed there and logged why).
   */
  async request<P, R>(type: RequestType<P, R | null, void>, params: P, what: string): Promise<R> {
    const result = await this.requestOrNull(type, params, what);
    if (result === null || result === undefined) {
      throw new ServerUnavailableError(`The Integration Designer language server could not ${what}. The Integration Designer output says why.`);
    }
    return result;
  }

  /** The same for requests whose answer may be null (nothing found). */
  async requestOrNull<P, R>(type: RequestType<P, R | null, void>, params: P, what: string): Promise<R | null> {
    try {
      await this.whenRunning();
      try {
        return await this.client.sendRequest(type, params as RequestParam<P>);
      } catch (error) {
        if (!this.connectionLost(error)) throw error;
        // The server stopped while answering: ask the restarted one, once.
        await this.whenRunning();
        return await this.client.sendRequest(type, params as RequestParam<P>);
      }
    } catch (error) {
      if (error instanceof ServerUnavailableError) throw error;
      throw new ServerUnavailableError(`The Integration Designer language server could not ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private connectionLost(error: unknown): boolean {
    if (error instanceof ConnectionError) return true;
    if (error instanceof ResponseError && (error.code === ErrorCodes.ConnectionInactive || error.code === ErrorCodes.PendingResponseRejected)) return true;
    return this.client.state !== State.Running;
  }

  /** Resolves when the server runs; rejects when it will not (start failed, or the client gave up restarting it). */
  private whenRunning(): Promise<void> {
    const stoppedForGood = (state: State) => state === State.StartFailed || (state === State.Stopped && serverGaveUp(this.client));
    if (this.client.state === State.Running) return Promise.resolve();
    if (stoppedForGood(this.client.state)) return Promise.reject(new ServerUnavailableError(NOT_RUNNING));
    // Stopped also covers "about to start" (activation, or between a crash and the restart).
    return new Promise<void>((resolve, reject) => {
      const finish = (settle: () => void) => {
        clearTimeout(timer);
        subscription.dispose();
        settle();
      };
      const timer = setTimeout(() => finish(() => reject(new ServerUnavailableError(STILL_STARTING))), START_WAIT_MS);
      const subscription = this.client.onDidChangeState(({ newState }) => {
        if (newState === State.Running) finish(resolve);
        else if (stoppedForGood(newState)) finish(() => reject(new ServerUnavailableError(NOT_RUNNING)));
      });
    });
  }
}
