import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";

export async function freePort(): Promise<number> {
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export type ServerProcess = { child: ChildProcess; url: string; log: () => string; stop: () => Promise<void> };

/**
 * `npm start` (scripts/start.ts) in a process of its own with `env` added, started directly with
 * node so that the process is the server itself (a kill reaches it, its memory is the server's).
 * Resolves once the collector has opened its database and the site is served.
 */
export async function startServerProcess(env: Record<string, string>, port: number): Promise<ServerProcess> {
  // SERVER_NODE_ARGS: extra node flags for the server, e.g. "--cpu-prof" to profile it under load.
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", "scripts/start.ts"], { env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" }, stdio: ["ignore", "ignore", "pipe"] });
  let log = "";
  await new Promise<void>((resolve, reject) => {
    let site = false;
    let collector = false;
    child.stderr!.on("data", (chunk: Buffer) => {
      log += chunk;
      site ||= log.includes("help center at");
      collector ||= log.includes("✓ collector: storing events");
      if (site && collector) resolve();
      if (log.includes("✗ collector: cannot open")) reject(new Error(`the collector cannot open its database:\n${log}`));
    });
    child.once("exit", (code, signal) => reject(new Error(`npm start ended (${signal ?? code}) before serving:\n${log}`)));
  });
  return {
    child,
    url: `http://127.0.0.1:${port}`,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
