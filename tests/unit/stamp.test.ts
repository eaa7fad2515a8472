import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildStamp } from "../../scripts/lib/stamp";

describe("build stamp (npm start rebuilds when it changes)", () => {
  it("changes with the build's inputs, not with what the build writes into public/assets/", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "stamp-"));
    fs.mkdirSync(path.join(root, "public", "assets"), { recursive: true });
    fs.writeFileSync(path.join(root, "public", "favicon.svg"), "<svg/>");
    const before = buildStamp(root);
    fs.writeFileSync(path.join(root, "public", "assets", "app-ABC.js"), "bundled");
    expect(buildStamp(root)).toBe(before);
    fs.writeFileSync(path.join(root, "public", "favicon.svg"), "<svg></svg>");
    expect(buildStamp(root)).not.toBe(before);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
