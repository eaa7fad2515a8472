import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildsDir, currentBuildDir, previousBuildDir, swapIn } from "../../../src/server/build-dirs";
import { scratchSite, writeBuild } from "./helpers";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function site() {
  const s = scratchSite();
  cleanups.push(s.cleanup);
  return s.root;
}
const read = (dir: string, file: string) => fs.readFileSync(path.join(dir, file), "utf8");
const builds = (root: string) => fs.readdirSync(buildsDir(root)).filter((n) => /^\d/.test(n)).sort();

describe("swapIn", () => {
  it("makes out/ the new build, current the build served and previous the one it replaced; older builds go", () => {
    const root = site();
    const a = writeBuild(root, { "index.html": "A" });
    swapIn(root, a);
    expect(read(root, "index.html")).toBe("A");
    expect(currentBuildDir(root)).toBe(fs.realpathSync(a));
    expect(previousBuildDir(root)).toBeNull();

    const b = writeBuild(root, { "index.html": "B" });
    swapIn(root, b);
    expect(read(root, "index.html")).toBe("B");
    expect(currentBuildDir(root)).toBe(fs.realpathSync(b));
    expect(previousBuildDir(root)).toBe(fs.realpathSync(a));

    const c = writeBuild(root, { "index.html": "C" });
    swapIn(root, c);
    expect(read(root, "index.html")).toBe("C");
    expect(previousBuildDir(root)).toBe(fs.realpathSync(b));
    expect(fs.existsSync(a)).toBe(false);
    expect(builds(root)).toEqual([path.basename(b), path.basename(c)].sort());
  });

  it("keeps out/ a real folder, whose files are the build's own (hard links, no second copy)", () => {
    const root = site();
    const a = writeBuild(root, { "index.html": "A", "assets/app.js": "js" });
    swapIn(root, a);
    expect(fs.lstatSync(root).isDirectory()).toBe(true);
    expect(fs.statSync(path.join(root, "assets/app.js")).ino).toBe(fs.statSync(path.join(a, "assets/app.js")).ino);
  });

  it("links current and previous relatively, so the project folder can move", () => {
    const root = site();
    const a = writeBuild(root, { "index.html": "A" });
    swapIn(root, a);
    expect(fs.readlinkSync(path.join(buildsDir(root), "current"))).toBe(path.basename(a));
  });

  it("serves a plain out/ of before as it is, and keeps it as the previous build on the first swap", () => {
    const root = site();
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, "index.html"), "plain");
    expect(currentBuildDir(root)).toBe(fs.realpathSync(root));
    swapIn(root, writeBuild(root, { "index.html": "new" }));
    expect(read(root, "index.html")).toBe("new");
    expect(read(previousBuildDir(root)!, "index.html")).toBe("plain");
  });

  it("removes the half-written folder of a build that was killed, and nothing it did not make", () => {
    const root = site();
    const killed = writeBuild(root, { "index.html": "half" });
    fs.mkdirSync(path.join(buildsDir(root), "mine"));
    swapIn(root, writeBuild(root, { "index.html": "A" }));
    expect(fs.existsSync(killed)).toBe(false);
    expect(fs.existsSync(path.join(buildsDir(root), "mine"))).toBe(true);
    expect(builds(root)).toHaveLength(1);
  });

  it("leaves the site as it was when the new build cannot be put in place", () => {
    const root = site();
    swapIn(root, writeBuild(root, { "index.html": "A" }));
    const served = currentBuildDir(root);
    expect(() => swapIn(root, path.join(buildsDir(root), "no-such-build"))).toThrow();
    expect(read(root, "index.html")).toBe("A");
    expect(currentBuildDir(root)).toBe(served);
  });
});
