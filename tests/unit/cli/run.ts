import { spawnSync } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/** Runs one of the project's scripts as `npm run` would, in `cwd` (the project by default). */
export function runScript(script: string, args: string[], options: { env?: Record<string, string>; input?: string; cwd?: string; timeout?: number } = {}) {
  const result = spawnSync(TSX, [path.join(ROOT, "scripts", script), ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    timeout: options.timeout ?? 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const fixture = (name: string) => path.join(ROOT, "tests/fixtures", name);
