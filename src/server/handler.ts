import type http from "node:http";

/**
 * What answers a request: the static site, or an API route. It may throw or reject; the server
 * turns that into an error response (or closes the connection if the answer had begun), so a
 * handler's bug never takes the process down.
 */
export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

/** An API route on the site's origin, e.g. `{ method: "POST", path: "/api/feedback", handle }`. */
export type Route = { method: string; path: string; handle: Handler };

/** The request's URL, or null when its target is not one (`GET http://[/`: the parser lets it through). */
export function requestUrl(req: http.IncomingMessage): URL | null {
  try {
    return new URL(req.url ?? "/", "http://localhost");
  } catch {
    return null;
  }
}
