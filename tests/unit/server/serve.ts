// The real server for the tests, in its own process: `node --import tsx serve.ts SITE_ROOT`.
// Prints "listening PORT". Besides the site, routes whose handlers fail on purpose, as a bug would.
import { listen } from "../../../src/server/listen";
import { createServer } from "../../../src/server/server";

const server = createServer({
  siteRoot: process.argv[2],
  routes: [
    {
      method: "GET",
      path: "/test/throws",
      handle: () => {
        throw new Error("a handler bug");
      },
    },
    {
      method: "GET",
      path: "/test/rejects",
      handle: async () => {
        await new Promise((resolve) => setImmediate(resolve));
        throw new Error("an async handler bug");
      },
    },
    {
      method: "GET",
      path: "/test/throws-mid-answer",
      handle: (_req, res) => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.write("the first half of an answer");
        throw new Error("a bug after the answer began");
      },
    },
    { method: "POST", path: "/test/echo", handle: (_req, res) => void res.end("posted") },
  ],
});
await listen(server, 0, "127.0.0.1");
console.log(`listening ${(server.address() as { port: number }).port}`);
