import fs from "node:fs";
import path from "node:path";

/** What a build needs of the project, besides node_modules and the content. */
const PROJECT_FILES = ["src", "public", "scripts", "next.config.ts", "tsconfig.json", "package.json"];

/**
 * A copy of the project to build in without touching its own out/ and caches (benchmarks, tests).
 * Inside the project, under .bench-build/, without a lock file of its own, so Next resolves packages
 * from the project's node_modules (Turbopack does not follow a node_modules link that leaves its root).
 */
export function scratchProject(root = process.cwd()): string {
  fs.mkdirSync(path.join(root, ".bench-build"), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(root, ".bench-build", "run-"));
  for (const entry of PROJECT_FILES) fs.cpSync(path.join(root, entry), path.join(scratch, entry), { recursive: true });
  return scratch;
}
