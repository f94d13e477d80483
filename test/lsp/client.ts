/**
 * Drives `dist/server.js --stdio` as a separate process over JSON-RPC, the way an editor does.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
  type Hover, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');

export class ServerProcess {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: ProtocolConnection;
  private readonly diagnosticWaiters: { uri: string; version?: number; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  stderr = '';

  /** `server`: another copy of dist/server.js; `args`: more of the server's arguments. */
  constructor(options: { server?: string; args?: readonly string[] } = {}) {
    this.process = spawn(process.execPath, [options.server ?? SERVER, '--stdio', ...(options.args ?? [])], { stdio: 'pipe' });
    this.process.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => {
      for (let i = this.diagnosticWaiters.length - 1; i >= 0; i--) {
        const w = this.diagnosticWaiters[i];
        if (w.uri === params.uri && (w.version === undefined || w.version === params.version)) {
          this.diagnosticWaiters.splice(i, 1);
          w.resolve(params);
        }
      }
    });
    this.connection.listen();
  }

  /** Resolves at the next diagnostics the server publishes for `uri` (at `version`, when given). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve) => this.diagnosticWaiters.push({ uri, version, resolve }));
  }

  /**
   * Resolves at the first diagnostics published for `uri` that satisfy `wanted`: a publish still
   * pending from an earlier step may come first when the machine is busy. Rejects after `timeoutMs`
   * with the last diagnostics seen.
   */
  async diagnosticsWhere(uri: string, wanted: (params: PublishDiagnosticsParams) => boolean, timeoutMs = 15_000): Promise<PublishDiagnosticsParams> {
    const deadline = Date.now() + timeoutMs;
    let last: PublishDiagnosticsParams | undefined;
    while (Date.now() < deadline) {
      const next = await Promise.race([this.nextDiagnostics(uri), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), deadline - Date.now()))]);
      if (!next) break;
      if (wanted(next)) return next;
      last = next;
    }
    throw new Error(`no diagnostics for ${uri} as wanted within ${timeoutMs} ms; last: ${JSON.stringify(last?.diagnostics.map((d) => d.code))}`);
  }

  async initialize(locale = 'zh-cn'): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: null, locale, capabilities: {}, workspaceFolders: null,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

/** The Markdown text of a hover, or '' when there is none. */
export function hoverText(hover: Hover | null): string {
  const contents = hover?.contents;
  return contents && typeof contents === 'object' && 'value' in contents ? contents.value : '';
}
