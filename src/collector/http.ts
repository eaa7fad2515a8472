import type http from "node:http";

/** A refusal with its status and a one-line reason for the client (never a stack trace). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly detail: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store", "Content-Length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendError(res: http.ServerResponse, error: HttpError): void {
  sendJson(res, error.status, { error: error.message, ...error.detail }, error.headers);
}

/**
 * The request body, at most `limit` bytes: a larger one is refused with 413 as soon as it is
 * known (Content-Length, or once that many bytes came), without reading the rest; a body slower
 * than `timeoutMs` gets 408.
 */
export function readBody(req: http.IncomingMessage, limit: number, timeoutMs = 10_000): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) return Promise.reject(new HttpError(413, `body over ${limit} bytes`, { Connection: "close" }));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const timer = setTimeout(() => fail(new HttpError(408, "body not received in time", { Connection: "close" })), timeoutMs);
    const fail = (error: HttpError) => {
      clearTimeout(timer);
      req.removeAllListeners("data");
      req.resume(); // drain and discard: the answer goes out, the connection closes after it
      reject(error);
    };
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return fail(new HttpError(413, `body over ${limit} bytes`, { Connection: "close" }));
      chunks.push(chunk);
    });
    req.on("end", () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    req.on("error", () => fail(new HttpError(400, "the request was cut off")));
  });
}

/** The body as JSON of an `application/json` request: 415 for another type, 400 for broken JSON. */
export async function readJson(req: http.IncomingMessage, limit: number): Promise<unknown> {
  const type = String(req.headers["content-type"] ?? "").split(";")[0].trim().toLowerCase();
  if (type !== "application/json") throw new HttpError(415, "send the events as application/json");
  const body = await readBody(req, limit);
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpError(400, "the body is not valid JSON");
  }
}
