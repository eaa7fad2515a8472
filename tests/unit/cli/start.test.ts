import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runScript } from "./run";

// npm start listens before it builds or serves anything, so these fail at once, with no build.
describe("npm start", () => {
  let taken: net.Server;
  let port: number;
  beforeAll(async () => {
    taken = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => taken.once("listening", resolve));
    port = (taken.address() as net.AddressInfo).port;
  });
  afterAll(() => new Promise((resolve) => taken.close(resolve)));

  it("says in one line that the port is in use and which variable to change, and exits 1", () => {
    const { status, stderr } = runScript("start.ts", [], { env: { PORT: String(port), HOST: "127.0.0.1" } });
    expect(status).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([`✗ port ${port} is already in use (another npm start?): set PORT to a free port, e.g. PORT=${port + 1} npm start`]);
  });

  it("says in one line that PORT is not a port number", () => {
    const { status, stderr } = runScript("start.ts", [], { env: { PORT: "http" } });
    expect(status).toBe(1);
    expect(stderr.trim().split("\n")).toEqual(["✗ PORT=http is not a port number: set PORT to a number from 1 to 65535, e.g. PORT=3000"]);
  });
});
