// `npm run dev`: Next's dev server (pages re-render as content changes) with the browser code
// (src/client/) rebuilt by esbuild on every change.
import { spawn } from "node:child_process";
import { watchClient } from "./lib/client-bundle";
import { NEXT_BIN } from "./lib/next-bin";

await watchClient();
const next = spawn(process.execPath, [NEXT_BIN, "dev", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
next.on("exit", (code) => process.exit(code ?? 0));
