// `npm start`: builds when `out/` is missing or older than its inputs, then serves it on PORT (3000).
import path from "node:path";
import { build } from "./build";
import { createStaticServer } from "./lib/server";
import { buildStamp, readStamp } from "./lib/stamp";

const OUT = path.resolve("out");
const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || undefined; // all interfaces, so both localhost and 127.0.0.1 work

const stamp = readStamp(OUT);
if (stamp !== buildStamp()) {
  console.error(stamp ? "out/ is out of date: building…" : "out/ not built yet: building…");
  if (!(await build())) process.exit(1);
}

createStaticServer(OUT).listen(port, host, () => {
  console.error(`✓ help center at http://localhost:${port}/ (serving ${path.relative(process.cwd(), OUT)}/)`);
});
