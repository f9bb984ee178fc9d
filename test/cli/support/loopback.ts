/** What the local test servers share: an HTTP server on 127.0.0.1 on a free port, counting requests in flight. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A server on loopback; subclasses answer requests in {@link LoopbackServer.serve}. */
export abstract class LoopbackServer {
  /** The most requests that were in flight at once. */
  maxInFlight = 0;

  private readonly server: Server;
  private port = 0;
  private inFlight = 0;

  protected constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  /** `http://127.0.0.1:<port>` (still known after close, e.g. to test a refused connection). */
  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Stops the server and drops open connections. */
  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Listens on 127.0.0.1 on a free port. */
  protected async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Answers one request. */
  protected abstract serve(req: IncomingMessage, res: ServerResponse): Promise<void>;

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.serve(req, res);
    } finally {
      this.inFlight--;
    }
  }
}
