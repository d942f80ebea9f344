/**
 * Debian's Chromium driven by playwright-core, with pages served at real
 * https origins (the examples' dashboard origin and another one): Chromium
 * resolves those hosts to a local TLS server (--host-resolver-rules), so the
 * page's origin is exactly the configured one and nothing is rewritten.
 */
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { createServer, Server } from 'node:https';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { selfSignedCertificate } from './self-signed';
import { CHROMIUM } from './system';

/** What one page load saw. */
export interface PageVisit {
  /** `loaded` or `error`: the @font-face status. */
  readonly font?: string;
  /** Label -> `200 <body>` or `blocked (<message>)`. */
  readonly fetches: Record<string, string>;
  /** Console messages (CORS refusals show up here). */
  readonly console: string[];
}

export interface PageProbe {
  /** A font in the public role, loaded with @font-face. */
  readonly fontUrl?: string;
  /** Label -> URL to `fetch()`. */
  readonly fetch: Record<string, string>;
}

/** A font file shipped with playwright-core, else one of the system's. */
export function probeFontFile(): string {
  const candidates: string[] = [];
  const find = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isFile() && /\.(ttf|woff2?)$/.test(e.name)) candidates.push(join(dir, e.name));
      else if (e.isDirectory() && depth > 0) find(join(dir, e.name), depth - 1);
    }
  };
  find(join(dirname(require.resolve('playwright-core/package.json')), 'lib'), 4);
  if (candidates.length === 0) find('/usr/share/fonts', 3);
  if (candidates.length === 0) throw new Error('no .ttf/.woff font found in playwright-core or /usr/share/fonts');
  return candidates.sort()[0];
}

/**
 * Runs in the page (plain JavaScript: the test build has no DOM types):
 * fetch() each URL, then load the font through @font-face.
 */
const IN_PAGE_PROBE = `async ({ fontUrl, fetch: urls }) => {
  const fetches = {};
  await Promise.all(Object.entries(urls).map(async ([label, url]) => {
    try {
      const r = await fetch(url, { cache: 'no-store' });
      fetches[label] = r.status + ' ' + (await r.text()).slice(0, 40);
    } catch (e) {
      fetches[label] = 'blocked (' + e.message + ')';
    }
  }));
  let font;
  if (fontUrl) {
    const style = document.createElement('style');
    style.textContent = '@font-face { font-family: "ReplayProbe"; src: url("' + fontUrl + '"); }';
    document.head.appendChild(style);
    try {
      await document.fonts.load('16px "ReplayProbe"');
    } catch (e) {
      // The face's status says what happened.
    }
    const face = [...document.fonts].find((f) => f.family.replace(/"/g, '') === 'ReplayProbe');
    font = face ? face.status : 'missing';
  }
  return { fetches, font };
}`;

export class DashboardBrowser {
  /** Launches Chromium with every origin's host mapped to a local page server. */
  public static async launch(origins: readonly string[]): Promise<DashboardBrowser> {
    const hosts = origins.map((o) => {
      const u = new URL(o);
      if (u.protocol !== 'https:' || u.port) throw new Error(`page origins must be https on the default port: ${o}`);
      return u.hostname;
    });
    const { cert, key } = selfSignedCertificate(hosts);
    const pages = new Map<string, string>();
    const server = createServer({ cert, key }, (req, res) => {
      const html = pages.get(req.url ?? '');
      res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(html ?? 'not found');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    const rules = [...hosts.map((h) => `MAP ${h}:443 127.0.0.1:${port}`), 'MAP * ~NOTFOUND', 'EXCLUDE 127.0.0.1'].join(', ');
    const { chromium } = await import('playwright-core');
    let browser: Browser;
    try {
      browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: [
          '--headless',
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
          '--disable-quic',
          `--host-resolver-rules=${rules}`,
        ],
      });
    } catch (e) {
      server.close();
      throw e;
    }
    return new DashboardBrowser(browser, server, pages);
  }

  private constructor(
    private readonly browser: Browser,
    private readonly server: Server,
    /** Path -> HTML the page server answers with. */
    private readonly pages: Map<string, string>,
  ) {}

  /** Opens a page at `origin` in a fresh context and runs the probe in it. */
  public async visit(origin: string, probe: PageProbe): Promise<PageVisit> {
    const path = `/${randomUUID()}`;
    this.pages.set(path, '<!doctype html><html><head><title>dashboard</title></head><body><p>replay</p></body></html>');
    const context = await this.browser.newContext({ ignoreHTTPSErrors: true });
    try {
      const page = await context.newPage();
      const messages: string[] = [];
      page.on('console', (m) => messages.push(m.text()));
      await page.goto(`${origin}${path}`);
      const result = (await page.evaluate(`(${IN_PAGE_PROBE})(${JSON.stringify(probe)})`)) as { fetches: Record<string, string>; font?: string };
      // Refusals reach the console a moment after the promise settles.
      const refusals = Object.values(result.fetches).filter((v) => v.startsWith('blocked')).length + (result.font === 'error' ? 1 : 0);
      const deadline = Date.now() + 2000;
      while (messages.filter((m) => /CORS policy/.test(m)).length < refusals && Date.now() < deadline) await page.waitForTimeout(25);
      return { ...result, console: messages };
    } finally {
      this.pages.delete(path);
      await context.close();
    }
  }

  public async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
