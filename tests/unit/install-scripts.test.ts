import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { allowScripts?: Record<string, boolean> };
const npm = (args: string[]) => spawnSync("npm", args, { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
// `npm install-scripts` came with npm 11's allowScripts; older npm runs every install script and has nothing to check.
const hasInstallScripts = npm(["help", "install-scripts"]).stdout?.includes("allowScripts") ?? false;

describe("dependency install scripts (package.json allowScripts)", () => {
  it.skipIf(!hasInstallScripts)("every installed package with an install script is approved or denied, so npm install warns of none", () => {
    const result = npm(["install-scripts", "ls", "--json"]);
    expect(result.status, result.stderr).toBe(0);
    const pending = (JSON.parse(result.stdout) as { allowScripts: { name: string }[] }).allowScripts.map((p) => p.name);
    expect(pending, "review each one, then `npm install-scripts approve NAME` or `deny NAME`, and say why in the README").toEqual([]);
  });

  it("the README says why each approved or denied script is so", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### Install scripts"));
    for (const [name, allowed] of Object.entries(pkg.allowScripts ?? {})) {
      expect(section, `README "Install scripts" names ${name}`).toMatch(new RegExp(`\\| \`${name}\` \\| ${allowed ? "allowed" : "denied"} \\|`));
    }
  });
});
