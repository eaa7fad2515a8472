import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { swapIn } from "../../../src/server/build-dirs";
import { startLoad, totals } from "../../../scripts/lib/load-by-path";
import { page, request, scratchSite, startServerProcess, writeBuild } from "./helpers";

// Rebuilds under load: the real server in its own process, the real swap, autocannon's
// connections asking for pages and hashed files all along. Swaps happen after so many answers
// (not after so much time), so each one falls in the middle of the traffic.

/** One build: a page of its own, a script and a search index named by its hash, as the real build. */
const build = (id: string, extra: Record<string, string> = {}) => ({
  "index.html": page(`home ${id}`),
  "404.html": page("没有这个页面"),
  "account/real-name-auth/index.html": page(`实名认证 ${id}`),
  [`assets/app-${id}.js`]: `console.log("${id}")`,
  [`search-index/index.${id}.json`]: JSON.stringify({ build: id, padding: "问".repeat(20_000) }),
  ...extra,
});

let site: ReturnType<typeof scratchSite>;
let server: Awaited<ReturnType<typeof startServerProcess>>;
beforeAll(async () => {
  site = scratchSite();
  swapIn(site.root, writeBuild(site.root, build("aaaa", { "old/index.html": page("只在第一版") })));
  server = await startServerProcess(site.root);
});
afterAll(async () => {
  await server.stop();
  site.cleanup();
});

describe("npm run build while the server is under load", () => {
  it("never fails a request: new pages appear, old hashed files stay or 404, nothing 5xx, no crash", async () => {
    const paths = ["/", "/account/real-name-auth/", "/account/real-name-auth", "/old/", "/new/", "/assets/app-aaaa.js", "/search-index/index.aaaa.json"];
    const swaps = [
      () => swapIn(site.root, writeBuild(site.root, build("bbbb", { "new/index.html": page("第二版的新页面") }))),
      () => swapIn(site.root, writeBuild(site.root, build("cccc", { "new/index.html": page("第三版") }))), // removes build aaaa
    ];
    const PER_PHASE = 1500;
    let answered = 0;
    let phaseDone!: () => void;
    let died!: (error: Error) => void;
    const death = new Promise<never>((_, reject) => (died = reject));
    server.child.once("exit", (code, signal) => died(new Error(`the server died (${signal ?? code}):\n${server.log()}`)));
    const nextPhase = () => Promise.race([new Promise<void>((resolve) => (phaseDone = resolve)), death]);
    let phase = nextPhase();
    const load = startLoad(server.url, 20, paths.map((path) => ({ path })), () => {
      if (++answered % PER_PHASE === 0) phaseDone();
    });
    for (const swap of swaps) {
      await phase;
      phase = nextPhase();
      swap();
      // From the swap on, every new request gets the new build.
      expect((await request(`${server.url}/new/`)).status).toBe(200);
    }
    await phase;
    const result = await load.stop();

    const byPath = (p: string) => [...load.counts.get(p)!.keys()].sort();
    expect(result.errors, "connection errors (a crash shows here)").toBe(0);
    expect(server.child.exitCode, server.log()).toBeNull();
    expect([...totals(load.counts).keys()].filter((s) => s >= 500)).toEqual([]);
    expect(byPath("/")).toEqual([200]);
    expect(byPath("/account/real-name-auth/")).toEqual([200]);
    expect(byPath("/account/real-name-auth")).toEqual([308]);
    expect(byPath("/new/")).toEqual([200, 404]); // not yet built, then built
    expect(byPath("/old/")).toEqual([200, 404]); // removed by the second build
    // The first build's hashed files: served from it while it is the previous build, then 404.
    expect(byPath("/assets/app-aaaa.js")).toEqual([200, 404]);
    expect(byPath("/search-index/index.aaaa.json")).toEqual([200, 404]);

    expect((await request(`${server.url}/assets/app-bbbb.js`)).status).toBe(200); // the previous build's
    expect((await request(`${server.url}/assets/app-aaaa.js`)).status).toBe(404);
    expect((await request(`${server.url}/`)).body.toString()).toContain("home cccc");
    expect(server.log()).toBe("");
  }, 120_000); // a cap for a slow machine, not a measurement
});
