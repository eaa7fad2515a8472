import http from "node:http";
import type { Duplex } from "node:stream";
import { type Handler, requestUrl, type Route } from "./handler";
import { resetHeaders, SECURITY_HEADERS, setSecurityHeaders } from "./headers";
import { createStaticSite, type StaticSiteOptions } from "./static-site";

export type ServerOptions = StaticSiteOptions & {
  /** The site to serve: `out` (a link to the current build, see build-dirs.ts) or a plain folder. */
  siteRoot: string;
  /** API routes, matched by exact path before the site's files. */
  routes?: Route[];
  /** Where a failed request is reported, one line each (default: stderr). */
  log?: (line: string) => void;
};

/**
 * The server of `npm start`, the browser tests and the benchmarks: API routes first, then the
 * static site. Every response gets the security headers; every handler runs guarded, so an error
 * in one request is that request's 500, never the process's end.
 */
export function createServer(options: ServerOptions): http.Server {
  const site = createStaticSite(options.siteRoot, options);
  const routes = options.routes ?? [];
  const log = options.log ?? ((line: string) => console.error(line));
  const server = http.createServer((req, res) => {
    setSecurityHeaders(res);
    new Promise<void>((resolve) => resolve((routeFor(routes, req) ?? site)(req, res))).catch((error: unknown) => failed(req, res, error, log));
  });
  server.on("clientError", answerUnparsable);
  return server;
}

/** What a reader sees for an address too long to take (over 16 KB: a huge paste into /search/?q=). */
const TOO_LONG_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>链接太长</title><p>链接太长，无法打开。请<a href="/">返回首页</a>，用更短的词搜索。</p></html>`;

/** Node's own answers to a request it cannot parse (its default `clientError` handling), by error code. */
const UNPARSABLE: Record<string, string> = {
  HPE_HEADER_OVERFLOW: "431 Request Header Fields Too Large",
  HPE_CHUNK_EXTENSIONS_OVERFLOW: "413 Payload Too Large",
  ERR_HTTP_REQUEST_TIMEOUT: "408 Request Timeout",
};

/**
 * A request Node cannot parse never reaches the handler. This answers as Node would (and not at
 * all once a response on the connection has begun, or the connection is gone), except that an
 * address too long gets a page that says so instead of an empty one.
 */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Duplex): void {
  const answering = (socket as Duplex & { _httpMessage?: http.ServerResponse })._httpMessage;
  if (!socket.writable || answering?.headersSent) return void socket.destroy();
  const status = UNPARSABLE[error.code ?? ""] ?? "400 Bad Request";
  const page = error.code === "HPE_HEADER_OVERFLOW";
  const body = page ? TOO_LONG_PAGE : "";
  const headers = [
    `HTTP/1.1 ${status}`,
    ...(page ? ["Content-Type: text/html; charset=utf-8", "Content-Security-Policy: default-src 'none'", ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`)] : []),
    `Content-Length: ${Buffer.byteLength(body)}`,
    "Cache-Control: no-store",
    "Connection: close",
  ];
  socket.end(`${headers.join("\r\n")}\r\n\r\n${body}`);
}

/** The route for this request; a path with routes for other methods only gets a 405. */
function routeFor(routes: Route[], req: http.IncomingMessage): Handler | null {
  const pathname = requestUrl(req)?.pathname;
  const matching = routes.filter((route) => route.path === pathname);
  if (!matching.length) return null;
  const route = matching.find((r) => r.method === req.method);
  if (route) return route.handle;
  return (_req, res) => {
    res.writeHead(405, { Allow: matching.map((r) => r.method).join(", ") }).end();
  };
}

function failed(req: http.IncomingMessage, res: http.ServerResponse, error: unknown, log: (line: string) => void): void {
  const message = error instanceof Error ? (error.stack ?? error.message).split("\n").slice(0, 2).map((l) => l.trim()).join(" ") : String(error);
  log(`✗ ${req.method} ${req.url}: ${message}`);
  try {
    if (res.headersSent) throw new Error("the answer had begun");
    resetHeaders(res);
    res.writeHead(500, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end("Internal Server Error\n");
  } catch {
    res.destroy(); // the client sees a cut connection, not a wrong body
  }
}
