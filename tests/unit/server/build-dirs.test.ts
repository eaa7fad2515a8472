import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { currentBuildDir, previousBuildDir, swapIn } from "../../../src/server/build-dirs";
import { scratchSite, writeBuild } from "./helpers";

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));
function site() {
  const s = scratchSite();
  cleanups.push(s.cleanup);
  return s.root;
}
const read = (root: string, file: string) => fs.readFileSync(path.join(root, file), "utf8");
const builds = (root: string) => fs.readdirSync(path.dirname(root)).filter((n) => /^out\.\d/.test(n)).sort();

describe("swapIn", () => {
  it("points out at the new build and out.previous at the one it replaces; older builds are deleted", () => {
    const root = site();
    const a = writeBuild(root, { "index.html": "A" });
    swapIn(root, a);
    expect(read(root, "index.html")).toBe("A");
    expect(fs.lstatSync(root).isSymbolicLink()).toBe(true);
    expect(previousBuildDir(root)).toBeNull();

    const b = writeBuild(root, { "index.html": "B" });
    swapIn(root, b);
    expect(read(root, "index.html")).toBe("B");
    expect(previousBuildDir(root)).toBe(fs.realpathSync(a));

    const c = writeBuild(root, { "index.html": "C" });
    swapIn(root, c);
    expect(read(root, "index.html")).toBe("C");
    expect(previousBuildDir(root)).toBe(fs.realpathSync(b));
    expect(fs.existsSync(a)).toBe(false);
    expect(builds(root)).toEqual([path.basename(b), path.basename(c)].sort());
  });

  it("links relatively, so the project folder can move", () => {
    const root = site();
    const a = writeBuild(root, { "index.html": "A" });
    swapIn(root, a);
    expect(fs.readlinkSync(root)).toBe(path.basename(a));
  });

  it("turns a plain out/ (built before this layout) into the previous build", () => {
    const root = site();
    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, "index.html"), "plain");
    expect(currentBuildDir(root)).toBe(fs.realpathSync(root));
    swapIn(root, writeBuild(root, { "index.html": "new" }));
    expect(read(root, "index.html")).toBe("new");
    expect(fs.readFileSync(path.join(previousBuildDir(root)!, "index.html"), "utf8")).toBe("plain");
  });

  it("replaces a leftover out.previous directory of the old layout", () => {
    const root = site();
    fs.mkdirSync(`${root}.previous`, { recursive: true });
    swapIn(root, writeBuild(root, { "index.html": "A" }));
    swapIn(root, writeBuild(root, { "index.html": "B" }));
    expect(fs.lstatSync(`${root}.previous`).isSymbolicLink()).toBe(true);
  });

  it("removes the half-written folder of a build that was killed, and nothing it did not make", () => {
    const root = site();
    const killed = writeBuild(root, { "index.html": "half" });
    fs.mkdirSync(`${root}.mine`);
    swapIn(root, writeBuild(root, { "index.html": "A" }));
    expect(fs.existsSync(killed)).toBe(false);
    expect(fs.existsSync(`${root}.mine`)).toBe(true);
  });
});
