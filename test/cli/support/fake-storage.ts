/**
 * A small path-style object store on 127.0.0.1 whose behaviour each test
 * sets: CORS rules, which buckets are public or listable, signed URLs
 * (HMAC over method and path in a `sig` parameter), and Vary headers.
 */
import { createHmac } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

export interface FakeBucket {
  readonly public?: boolean;
  readonly listable?: boolean;
  readonly objects: string[];
}

export interface FakeConfig {
  /** Allowed origins and methods; no CORS at all when absent. */
  readonly cors?: { readonly origins: string[]; readonly methods: string[] };
  readonly buckets: Record<string, FakeBucket>;
  /** Send `Vary: Origin` on responses to requests without Origin too. */
  readonly varyOnPlain?: boolean;
  /** Leave `Vary: Origin` off CORS responses. */
  readonly noVaryOnCors?: boolean;
  /** Take any `sig` as valid. */
  readonly acceptAnySignature?: boolean;
}

export class FakeStorage {
  public config: FakeConfig = { buckets: {} };
  public readonly requests: { method: string; url: string; origin?: string }[] = [];
  private readonly server: Server;
  private readonly secret = 'fake-storage-signing-key';

  constructor() {
    this.server = createServer((req, res) => this.handle(req, res));
  }

  public async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this.endpoint;
  }

  public get endpoint(): string {
    return `http://127.0.0.1:${(this.server.address() as { port: number }).port}`;
  }

  public async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** A signed URL for `method` on `/<bucket>/<key>`. */
  public sign(method: string, bucket: string, key: string): string {
    const path = `/${bucket}/${key}`;
    return `${this.endpoint}${path}?expires=9999999999&sig=${encodeURIComponent(this.signature(method, path))}`;
  }

  private signature(method: string, path: string): string {
    return createHmac('sha256', this.secret).update(`${method} ${path}`).digest('base64');
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://x');
    const origin = req.headers.origin;
    this.requests.push({ method: req.method ?? '', url: req.url ?? '', ...(origin ? { origin } : {}) });
    const [, bucketName, ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const bucket = this.config.buckets[bucketName];
    const cors = this.config.cors;
    const originAllowed = origin !== undefined && cors !== undefined && (cors.origins.includes(origin) || cors.origins.includes('*'));
    const headers: Record<string, string> = {};
    if (originAllowed) {
      headers['Access-Control-Allow-Origin'] = cors!.origins.includes('*') ? '*' : origin!;
      if (!this.config.noVaryOnCors) headers.Vary = 'Origin';
    } else if (this.config.varyOnPlain) {
      headers.Vary = 'Origin';
    }
    const send = (status: number, body = '', extra: Record<string, string> = {}) => {
      res.writeHead(status, { ...headers, ...extra });
      res.end(body);
    };
    req.resume();

    if (req.method === 'OPTIONS') {
      const method = String(req.headers['access-control-request-method'] ?? '');
      if (originAllowed && cors!.methods.includes(method)) {
        return send(200, '', { 'Access-Control-Allow-Methods': cors!.methods.join(','), 'Access-Control-Max-Age': '3600' });
      }
      res.writeHead(403);
      res.end('CORS not allowed');
      return;
    }
    if (!bucket) return send(404, 'NoSuchBucket');
    const sig = url.searchParams.get('sig');
    const signedOk = sig !== null && (this.config.acceptAnySignature || sig === this.signature(req.method ?? '', url.pathname));
    if (req.method === 'PUT') {
      if (!signedOk) return send(403, 'SignatureDoesNotMatch');
      bucket.objects.push(key);
      return send(201);
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      if (key === '') return bucket.listable ? send(200, '<ListBucketResult/>') : send(403, 'AccessDenied');
      if (sig !== null && !signedOk) return send(403, 'SignatureDoesNotMatch');
      if (!signedOk && !bucket.public) return send(403, 'AccessDenied');
      return bucket.objects.includes(key) ? send(200, 'object body', { 'Content-Type': 'text/plain' }) : send(404, 'NoSuchKey');
    }
    return send(405);
  }
}
