import type http from "node:http";
import path from "node:path";
import { contentType } from "mime-types";
import send from "send";
import { safeDecode } from "../lib/url";
import { type Handler, requestUrl } from "./handler";
import { cacheControl, isHashedAsset, resetHeaders } from "./headers";
import { type ServedBuild, ServedBuilds } from "./served-build";

/** A file of one build to answer with; `gzip`: the `.gz` copy beside it is sent instead. */
type SiteFile = { build: ServedBuild; file: string; gzip: boolean };

export type StaticSiteOptions = {
  /** While true, pages answer 503 (npm start is building the site it is about to serve). */
  isBuilding?: () => boolean;
};

/**
 * The built site at `root` (see build-dirs.ts), served the way a CDN serves `out/`: pages at their
 * folder URLs (a missing trailing slash gets a 308), the gzip copies the build wrote to clients
 * that accept gzip, the 404 page, cache headers, and each page's CSP as a header.
 *
 * The current build is looked up for every request (served-build.ts), so a build swapped in is
 * served from the next request on, without a restart. Hashed files (scripts, styles, search index)
 * missing from the current build come from the previous one while it is kept: a tab opened before
 * the swap still gets them. Pages come from the current build only: a removed page is a 404.
 * `send` (Express's file sender) does conditional requests, ranges and HEAD, and reports a file
 * that vanished or cannot be read as an error event, answered here with a 404 or an error response.
 */
export function createStaticSite(root: string, options: StaticSiteOptions = {}): Handler {
  const builds = new ServedBuilds(root);
  return async (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { Allow: "GET, HEAD" }).end();
      return;
    }
    const build = builds.current();
    if (!build || options.isBuilding?.()) {
      res.writeHead(503, { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "10", "Cache-Control": "no-store" });
      res.end(build ? "The site is being built; try again in a moment.\n" : "The site is not built yet: run `npm run build`.\n");
      return;
    }
    const url = requestUrl(req);
    if (!url) {
      res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Bad Request\n");
      return;
    }
    const { pathname, search } = url;
    const name = fileName(pathname);
    if (name === null) return notFound(req, res, build);
    if (!pathname.endsWith("/") && !path.posix.extname(name) && (await build.has(`${name}/index.html`))) {
      // `/account/real-name-auth` → `/account/real-name-auth/`, like the site's own links. (One
      // leading slash: `//host/…` would name another host.)
      res.writeHead(308, { Location: `${pathname.replace(/^\/+/, "/")}/${search}` }).end();
      return;
    }
    const gzip = /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""));
    const previous = isHashedAsset(pathname) ? builds.previous() : null;
    const found = (await findFile(build, name, gzip)) ?? (previous && (await findFile(previous, name, gzip)));
    if (!found) return notFound(req, res, build);
    const policy = found.file.endsWith(".html") ? await found.build.policy(found.file) : "";
    await sendFile(req, res, found, { "Cache-Control": cacheControl(pathname), ...(policy && { "Content-Security-Policy": policy }) }, () => notFound(req, res, build));
  };
}

async function notFound(req: http.IncomingMessage, res: http.ServerResponse, build: ServedBuild): Promise<void> {
  const [body, policy] = await Promise.all([build.notFound(), build.policy("404.html")]);
  resetHeaders(res);
  res.writeHead(404, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache", ...(policy && { "Content-Security-Policy": policy }) });
  res.end(req.method === "HEAD" ? undefined : body);
}

/**
 * The request path as a file name inside a build ("" for the root), or null for a path no build
 * file can have: NUL bytes, backslashes, dot files (`.build-stamp`; `..` cannot remain after
 * normalizing an absolute path).
 */
function fileName(pathname: string): string | null {
  const decoded = safeDecode(pathname);
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const name = path.posix.normalize(decoded).replace(/^\/+/, "");
  return name.split("/").some((part) => part.startsWith(".") && part !== ".well-known") ? null : name;
}

async function findFile(build: ServedBuild, name: string, gzip: boolean): Promise<SiteFile | null> {
  const candidates = name === "" || name.endsWith("/") ? [`${name}index.html`] : [name, `${name}.html`];
  for (const file of candidates) {
    if (gzip && (await build.has(`${file}.gz`))) return { build, file, gzip: true };
    if (await build.has(file)) return { build, file, gzip: false };
  }
  return null;
}

/**
 * Streams one file with `send`. Its errors come as an event: a file gone since it was found answers
 * 404 (`notFound`); any other error rejects, for the server's error response, or closes the
 * connection when the headers are already out. Resolves when the response is over.
 */
function sendFile(req: http.IncomingMessage, res: http.ServerResponse, found: SiteFile, headers: Record<string, string>, notFound: () => Promise<void>): Promise<void> {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader("Vary", "Accept-Encoding");
  res.setHeader("Content-Type", contentType(path.extname(found.file)) || "application/octet-stream");
  if (found.gzip) res.setHeader("Content-Encoding", "gzip");
  const file = found.gzip ? `${found.file}.gz` : found.file;
  return new Promise((resolve, reject) => {
    res.once("close", resolve);
    // `send` decodes the path it is given: the name is encoded back, segment by segment.
    send(req, file.split("/").map(encodeURIComponent).join("/"), { root: found.build.dir, dotfiles: "allow", index: false, cacheControl: false })
      .on("error", (error: Error & { status?: number }) => {
        if (res.headersSent) res.destroy();
        else if (error.status === 404) notFound().catch(reject);
        else reject(error);
      })
      .pipe(res);
  });
}
