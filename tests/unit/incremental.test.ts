import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkCanaries, planBuild, readBuildRecord, reuseRoutes, writeBuildRecord, type BuildRecord, type Route } from "../../scripts/lib/incremental";

// The pieces of the incremental build (scripts/lib/incremental.ts); tests/unit/cli/incremental.test.ts
// checks whole builds against clean ones.

const temps: string[] = [];
const temp = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faq-incremental-"));
  temps.push(dir);
  return dir;
};
afterEach(() => temps.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const route = (key: string, hash: string): Route => ({ key, category: key.split("/")[0], page: key.split("/")[1] ?? null, hash });
const record = (routes: Route[], code = "code"): BuildRecord => ({
  build: "20260101T000000-abcd",
  code,
  indexUrl: "/search-index/index.old.json",
  routes: Object.fromEntries(routes.map((r) => [r.key, r.hash])),
  rendered: [],
  canaries: [],
  full: null,
});
const first = () => 0;

describe("planBuild", () => {
  const before = [route("a", "1"), route("a/x", "2"), route("a/y", "3"), route("b", "4"), route("b/z", "5")];

  it("renders every page without a previous build, or when the code changed", () => {
    expect(planBuild(before, "code", null)).toMatchObject({ render: before, reuse: [], full: "no previous build to reuse" });
    expect(planBuild(before, "new code", record(before))).toMatchObject({ render: before, reuse: [], full: "the code, packages or settings changed" });
  });

  it("renders the pages whose hash changed or that are new, one unchanged page of each kind, and reuses the rest", () => {
    const now = [route("a", "1"), route("a/x", "2*"), route("a/y", "3"), route("b", "4"), route("b/z", "5"), route("b/new", "6")];
    const plan = planBuild(now, "code", record(before), undefined, first);
    expect(plan.full).toBeNull();
    expect(plan.canaries.map((r) => r.key)).toEqual(["a", "a/y"]);
    expect(plan.render.map((r) => r.key)).toEqual(["a/x", "b/new", "a", "a/y"]);
    expect(plan.reuse.map((r) => r.key)).toEqual(["b", "b/z"]);
  });

  it("renders a page again when the previous build lacks its files", () => {
    const plan = planBuild(before, "code", record(before), (key) => key !== "b/z", first);
    expect(plan.render.map((r) => r.key)).toEqual(["b/z", "a", "a/x"]);
  });

  it("has no canary of a kind when every page of that kind changed", () => {
    const now = before.map((r) => (r.page ? { ...r, hash: `${r.hash}*` } : r));
    const plan = planBuild(now, "code", record(before), undefined, first);
    expect(plan.canaries.map((r) => r.key)).toEqual(["a"]);
    expect(plan.reuse.map((r) => r.key)).toEqual(["b"]);
  });
});

describe("build record", () => {
  it("belongs to the build it was written for only", () => {
    const dir = temp();
    const file = path.join(dir, "record.json");
    const build = path.join(dir, "20260101T000000-abcd");
    writeBuildRecord(build, "code", "/search-index/index.x.json", [route("a", "1")], { render: [route("a", "1")], reuse: [], canaries: [], full: "no previous build to reuse" }, file);
    expect(readBuildRecord(build, file)).toMatchObject({ code: "code", routes: { a: "1" }, rendered: ["a"] });
    expect(readBuildRecord(path.join(dir, "20260102T000000-ffff"), file)).toBeNull(); // out/ is another build now
    expect(readBuildRecord(null, file)).toBeNull();
    expect(readBuildRecord(build, path.join(dir, "missing.json"))).toBeNull();
  });
});

describe("reusing the previous build's pages", () => {
  const page = (url: string, text: string) => `<html><form data-index-url="${url}"></form><p>${text}</p>${"问".repeat(500)}</html>`;
  function previousBuild() {
    const dir = temp();
    fs.mkdirSync(path.join(dir, "a", "x"), { recursive: true });
    fs.writeFileSync(path.join(dir, "a", "x", "index.html"), page("/search-index/index.old.json", "x"));
    fs.writeFileSync(path.join(dir, "a", "x", "index.html.gz"), "old gzip");
    fs.writeFileSync(path.join(dir, "a", "index.html"), page("/search-index/index.old.json", "a"));
    return dir;
  }

  it("links the finished files when the search index is the same", async () => {
    const previous = previousBuild();
    const next = temp();
    const result = await reuseRoutes(previous, next, [route("a/x", "1")], "/search-index/index.old.json", "/search-index/index.old.json");
    expect(result).toEqual({ linked: 2, rewritten: 0 });
    expect(fs.statSync(path.join(next, "a", "x", "index.html")).ino).toBe(fs.statSync(path.join(previous, "a", "x", "index.html")).ino);
    expect(fs.existsSync(path.join(next, "a", "index.html"))).toBe(false); // another route: not asked for
  });

  it("writes the new index URL into the page and compresses it again, leaving the previous build as it was", async () => {
    const previous = previousBuild();
    const next = temp();
    const result = await reuseRoutes(previous, next, [route("a/x", "1")], "/search-index/index.old.json", "/search-index/index.new.json");
    expect(result).toEqual({ linked: 0, rewritten: 1 });
    expect(fs.readFileSync(path.join(next, "a", "x", "index.html"), "utf8")).toBe(page("/search-index/index.new.json", "x"));
    expect(fs.readFileSync(path.join(next, "a", "x", "index.html.gz")).subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(fs.readFileSync(path.join(previous, "a", "x", "index.html"), "utf8")).toBe(page("/search-index/index.old.json", "x"));
    expect(fs.readFileSync(path.join(previous, "a", "x", "index.html.gz"), "utf8")).toBe("old gzip");
  });

  it("the canary check names a page that renders differently from the previous build", () => {
    const previous = previousBuild();
    const next = temp();
    fs.mkdirSync(path.join(next, "a", "x"), { recursive: true });
    fs.writeFileSync(path.join(next, "a", "x", "index.html"), page("/search-index/index.new.json", "x"));
    expect(checkCanaries(previous, next, [route("a/x", "1")], "/search-index/index.old.json", "/search-index/index.new.json")).toBeNull();
    fs.writeFileSync(path.join(next, "a", "x", "index.html"), page("/search-index/index.new.json", "y"));
    expect(checkCanaries(previous, next, [route("a/x", "1")], "/search-index/index.old.json", "/search-index/index.new.json")).toMatch(/^a\/x\/index\.html \(unchanged inputs\) renders differently from the previous build at character \d+: "x.*" became "y/);
  });
});
