import fs from "node:fs";
import type http from "node:http";
import path from "node:path";

/** Security headers on every response, pages, files and API alike (the README gives the same for nginx and CDNs). */
export const SECURITY_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

export function setSecurityHeaders(res: http.ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

/** Drops the headers set for an answer (type, encoding, ETag…) before another one; keeps the security ones. */
export function resetHeaders(res: http.ServerResponse): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
  setSecurityHeaders(res);
}

/** Folders whose files have content-hashed names: a name never gets other content. */
const HASHED = ["/_next/static/", "/assets/", "/search-index/"];

export const isHashedAsset = (pathname: string) => HASHED.some((prefix) => pathname.startsWith(prefix));

/** Hashed files are cached for a year; pages and everything else are revalidated on every visit. */
export const cacheControl = (pathname: string) => (isHashedAsset(pathname) ? "public, max-age=31536000, immutable" : "public, max-age=0, must-revalidate");

const META_POLICY = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/;

/**
 * The Content-Security-Policy header of each page: the policy the build wrote into its meta tag,
 * plus `frame-ancestors`, which only a header can carry. Read once per page file; builds never
 * change a file, so a page's policy never changes either (a new build has new file paths).
 */
export class PagePolicies {
  private readonly policies = new Map<string, Promise<string>>();

  /** The header for the page at this absolute path, "" when it has no policy or cannot be read now. */
  get(file: string): Promise<string> {
    let policy = this.policies.get(file);
    if (!policy) {
      policy = fs.promises.readFile(file, "utf8").then(
        (html) => {
          const meta = META_POLICY.exec(html);
          return meta ? `${meta[1]}; frame-ancestors 'none'` : "";
        },
        () => {
          this.policies.delete(file); // try again next time: the meta tag still applies meanwhile
          return "";
        },
      );
      this.policies.set(file, policy);
    }
    return policy;
  }

  /** Forgets the pages of builds that are no longer served. */
  keepOnly(dirs: (string | null)[]): void {
    const prefixes = dirs.filter((dir) => dir !== null).map((dir) => dir + path.sep);
    for (const file of this.policies.keys()) {
      if (!prefixes.some((prefix) => file.startsWith(prefix))) this.policies.delete(file);
    }
  }
}
