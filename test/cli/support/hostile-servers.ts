/**
 * Servers on 127.0.0.1 that misbehave the ways the internet can: never
 * answer, stream a body forever, reset the connection, answer with bytes
 * of their choosing (escape sequences in headers, not HTTP at all).
 */
import { createServer as createHttpServer, Server as HttpServer } from 'node:http';
import { createServer as createNetServer, Server as NetServer, Socket } from 'node:net';

export interface Hostile {
  readonly url: string;
  stop(): Promise<void>;
}

async function listen(server: HttpServer | NetServer, sockets: Set<Socket>): Promise<Hostile> {
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Accepts every request and never answers it. */
export function neverAnswers(): Promise<Hostile> {
  const sockets = new Set<Socket>();
  return listen(createHttpServer(() => undefined), sockets);
}

/** What the endless server saw. */
export interface StreamStats {
  /** Bytes written to all responses. */
  sent: number;
  /** Responses whose client went away. */
  closedByClient: number;
}

/** Answers 200 to everything, then streams a body that never ends (as fast as the client reads). */
export async function streamsForever(): Promise<Hostile & { stats: StreamStats }> {
  const stats: StreamStats = { sent: 0, closedByClient: 0 };
  const chunk = Buffer.alloc(16 * 1024, 'x');
  const sockets = new Set<Socket>();
  const server = createHttpServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Access-Control-Allow-Origin': '*' });
    let open = true;
    res.on('close', () => {
      open = false;
      stats.closedByClient++;
    });
    const pump = () => {
      while (open && res.write(chunk)) stats.sent += chunk.length;
      if (open) res.once('drain', pump);
    };
    pump();
  });
  return { ...(await listen(server, sockets)), stats };
}

/** Answers 200 with headers at once, then sends no body and never ends it. */
export function stallsAfterHeaders(): Promise<Hostile> {
  const sockets = new Set<Socket>();
  return listen(
    createHttpServer((req, res) => {
      req.resume();
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': '1000' });
      res.flushHeaders();
    }),
    sockets,
  );
}

/** Resets every connection as soon as a request arrives. */
export function resetsConnections(): Promise<Hostile> {
  const sockets = new Set<Socket>();
  return listen(
    createNetServer((s) => s.once('data', () => s.resetAndDestroy())),
    sockets,
  );
}

/** Answers every request with exactly these bytes (latin1), then closes. */
export function answersRaw(response: string): Promise<Hostile> {
  const sockets = new Set<Socket>();
  return listen(
    createNetServer((s) => s.once('data', () => s.end(Buffer.from(response, 'latin1')))),
    sockets,
  );
}
