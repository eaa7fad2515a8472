import fs from "node:fs";
import type http from "node:http";
import net from "node:net";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { swapIn } from "../../../src/server/build-dirs";
import { SECURITY_HEADERS } from "../../../src/server/headers";
import { listen } from "../../../src/server/listen";
import { createServer } from "../../../src/server/server";
import { page, request, scratchSite, writeBuild } from "./helpers";

const A = {
  "index.html": page("home A"),
  "404.html": page("没有这个页面"),
  "account/real-name-auth/index.html": page("实名认证 A"),
  "assets/app-aaaa.js": "console.log('A')",
  "search-index/index.aaaa.json": '{"build":"A"}',
  ".build-stamp": "secret-ish",
  "robots.txt": "User-agent: *",
};

let site: ReturnType<typeof scratchSite>;
let server: http.Server;
let base: string;
let building = false;
const get = (p: string, headers: Record<string, string> = {}, method = "GET") => request(base + p, { headers, method });

beforeAll(async () => {
  site = scratchSite();
  swapIn(site.root, writeBuild(site.root, A));
  fs.writeFileSync(path.join(path.dirname(site.root), "outside.txt"), "outside the site");
  server = createServer({
    siteRoot: site.root,
    isBuilding: () => building,
    routes: [{ method: "POST", path: "/api/echo", handle: (_req, res) => void res.end("posted") }],
  });
  await listen(server, 0, "127.0.0.1");
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  site.cleanup();
});

describe("the static site", () => {
  it("serves pages with their CSP as a header, the security headers and revalidation", async () => {
    const res = await get("/account/real-name-auth/");
    expect(res.status).toBe(200);
    expect(res.body.toString()).toContain("实名认证 A");
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["content-security-policy"]).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(res.headers["cache-control"]).toBe("public, max-age=0, must-revalidate");
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(res.headers[name.toLowerCase()]).toBe(value);
  });

  it("sends the gzip copy to clients that accept gzip, the plain file to the rest", async () => {
    const gzipped = await get("/", { "accept-encoding": "gzip, deflate" });
    expect(gzipped.headers["content-encoding"]).toBe("gzip");
    expect(gzipped.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(gzipped.headers.vary).toBe("Accept-Encoding");
    expect(gunzipSync(gzipped.body).toString()).toBe(A["index.html"]);
    const plain = await get("/", { "accept-encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe(A["index.html"]);
  });

  it("caches hashed files for a year", async () => {
    const res = await get("/assets/app-aaaa.js");
    expect(res.status).toBe(200);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
  });

  it("redirects a page URL without its trailing slash (308), keeping the query, to this host only", async () => {
    const res = await get("/account/real-name-auth?q=1");
    expect(res.status).toBe(308);
    expect(res.headers.location).toBe("/account/real-name-auth/?q=1");
    // The URL parser turns `/.//account/…` into the path `//account/…`; as a Location that names a host.
    expect(await rawGet("/.//account/real-name-auth")).toMatch(/\r\nLocation: \/account\/real-name-auth\/\r\n/);
  });

  it("answers a missing file with the 404 page, status 404, its CSP and no caching", async () => {
    const res = await get("/no/such/page/");
    expect(res.status).toBe(404);
    expect(res.body.toString()).toContain("没有这个页面");
    expect(res.headers["content-security-policy"]).toBe("default-src 'self'; frame-ancestors 'none'");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("never serves dot files or anything outside the build", async () => {
    for (const p of ["/.build-stamp", "/account/..%2F.build-stamp", "/../outside.txt", "/%2e%2e/outside.txt", "/..%2Foutside.txt", "/%00", "/a%5C..%5Coutside.txt"]) {
      const res = await rawGet(p);
      expect(res, p).toMatch(/^HTTP\/1\.1 404 /);
      expect(res, p).not.toContain("outside the site");
      expect(res, p).not.toContain("secret-ish");
    }
  });

  it("answers HEAD without a body, other methods with 405, and a request target that is not a URL with 400", async () => {
    const head = await get("/", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
    const post = await get("/", {}, "POST");
    expect(post.status).toBe(405);
    expect(post.headers.allow).toBe("GET, HEAD");
    expect(await rawGet("http://[/")).toMatch(/^HTTP\/1\.1 400 /);
  });

  it("answers an address too long to take (a huge paste into /search/?q=) with 431 and a page that says so", async () => {
    const res = await get(`/search/?q=${encodeURIComponent("实名认证".repeat(2000))}`);
    expect(res.status).toBe(431);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.body.toString()).toContain("链接太长");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect((await get("/")).status).toBe(200);
  });

  it("answers conditional and range requests (304, 206)", async () => {
    const first = await get("/robots.txt");
    const again = await get("/robots.txt", { "if-none-match": String(first.headers.etag) });
    expect(again.status).toBe(304);
    const range = await get("/robots.txt", { range: "bytes=0-3" });
    expect(range.status).toBe(206);
    expect(range.body.toString()).toBe("User");
  });

  it("answers 503 while npm start builds", async () => {
    building = true;
    try {
      const res = await get("/");
      expect(res.status).toBe(503);
      expect(res.headers["retry-after"]).toBeDefined();
    } finally {
      building = false;
    }
  });
});

describe("API routes", () => {
  it("are matched by path and method before the site's files; another method gets 405", async () => {
    expect((await get("/api/echo", {}, "POST")).body.toString()).toBe("posted");
    const wrong = await get("/api/echo");
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("POST");
    expect(wrong.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("a new build swapped in", () => {
  it("is served from the next request; the previous build's hashed files stay until the build after", async () => {
    const B = { ...A, "index.html": page("home B"), "new/index.html": page("新页面"), "assets/app-bbbb.js": "console.log('B')" } as Record<string, string>;
    delete B["assets/app-aaaa.js"];
    delete B["account/real-name-auth/index.html"];
    expect((await get("/new/")).status).toBe(404);
    swapIn(site.root, writeBuild(site.root, B));
    expect((await get("/")).body.toString()).toBe(B["index.html"]);
    expect((await get("/new/")).status).toBe(200);
    expect((await get("/assets/app-bbbb.js")).status).toBe(200);
    // An open tab's script, from the previous build; but a removed page is gone at once.
    expect((await get("/assets/app-aaaa.js")).body.toString()).toBe("console.log('A')");
    expect((await get("/account/real-name-auth/")).status).toBe(404);

    swapIn(site.root, writeBuild(site.root, { ...B, "index.html": page("home C") }));
    expect((await get("/")).body.toString()).toContain("home C");
    expect((await get("/assets/app-aaaa.js")).status).toBe(404);
    expect((await get("/assets/app-bbbb.js")).status).toBe(200);
  });
});

/** A request sent as written (no client-side normalizing of the path); the raw answer. */
function rawGet(target: string): Promise<string> {
  const { port } = server.address() as net.AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, "127.0.0.1", () => socket.write(`GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`));
    let answer = "";
    socket.on("data", (d) => (answer += d));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}
