import type http from "node:http";

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
 * The Content-Security-Policy header for a page: the policy the build wrote into its meta tag,
 * plus `frame-ancestors`, which only a header can carry; "" for a page without one.
 */
export function headerPolicy(html: string): string {
  const meta = META_POLICY.exec(html);
  return meta ? `${meta[1]}; frame-ancestors 'none'` : "";
}
