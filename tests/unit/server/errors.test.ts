import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { swapIn } from "../../../src/server/build-dirs";
import { page, request, scratchSite, startServerProcess, writeBuild } from "./helpers";

// The server runs in a process of its own: after each failing request, it must still be there.
let site: ReturnType<typeof scratchSite>;
let server: Awaited<ReturnType<typeof startServerProcess>>;
let build: string;

beforeAll(async () => {
  site = scratchSite();
  build = writeBuild(site.root, { "index.html": page("home"), "404.html": page("没有这个页面"), "soon-gone.js": "x" });
  // A file that is there when looked up but fails when read: /proc/self/mem is a regular file
  // whose first page cannot be read (EIO), as a disk failing mid-request.
  if (process.platform === "linux") fs.symlinkSync("/proc/self/mem", path.join(build, "unreadable.js"));
  swapIn(site.root, build);
  server = await startServerProcess(site.root);
});
afterAll(async () => {
  await server.stop();
  site.cleanup();
});

async function expectAlive() {
  expect(server.child.exitCode, server.log()).toBeNull();
  expect((await request(`${server.url}/`)).status).toBe(200);
}

describe("a request whose handler fails", () => {
  it("gets a 500 when the handler throws, and the error is logged on one line", async () => {
    const res = await request(`${server.url}/test/throws`);
    expect(res.status).toBe(500);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    await expectAlive();
    expect(server.log()).toMatch(/^✗ GET \/test\/throws: Error: a handler bug at .*$/m);
  });

  it("gets a 500 when the handler's promise rejects", async () => {
    expect((await request(`${server.url}/test/rejects`)).status).toBe(500);
    await expectAlive();
  });

  it("gets a cut connection, not a wrong body, when the handler fails after its answer began", async () => {
    await expect(request(`${server.url}/test/throws-mid-answer`)).rejects.toThrow();
    await expectAlive();
  });

  it.skipIf(process.platform !== "linux")("gets an error response when a file cannot be read", async () => {
    const res = await request(`${server.url}/unreadable.js`);
    expect(res.status).toBe(500);
    expect(res.body.toString()).not.toContain("\0");
    await expectAlive();
  });

  it("gets a 404 for a file removed after the server listed the build, and 503 once the site is deleted", async () => {
    expect((await request(`${server.url}/soon-gone.js`)).status).toBe(200);
    fs.rmSync(path.join(build, "soon-gone.js"));
    expect((await request(`${server.url}/soon-gone.js`)).status).toBe(404);
    fs.rmSync(build, { recursive: true }); // the server falls back to out/ itself
    expect((await request(`${server.url}/`)).status).toBe(200);
    fs.rmSync(site.root, { recursive: true }); // nothing left to serve: "not built", not a crash
    expect((await request(`${server.url}/`)).status).toBe(503);
    expect(server.child.exitCode).toBeNull();
  });
});
