import fs from "node:fs";
import path from "node:path";

/** Next's CLI, from this project's node_modules (found upwards from the working directory, as Node resolves packages). */
export const NEXT_BIN = (() => {
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const bin = path.join(dir, "node_modules", "next", "dist", "bin", "next");
    if (fs.existsSync(bin) || dir === path.dirname(dir)) return bin;
  }
})();
