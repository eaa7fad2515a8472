import type http from "node:http";

/** A reason the server cannot start, as one line that says what to change. */
export class ListenError extends Error {}

/** PORT as a port number; a one-line ListenError naming PORT when it is not one. */
export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ListenError(`✗ PORT=${value} is not a port number: set PORT to a number from 1 to 65535, e.g. PORT=${fallback}`);
  return port;
}

/**
 * Listens on `port` (and `host`, or all interfaces). A port in use or forbidden rejects with a
 * ListenError of one line naming the variable to change, instead of a stack trace. Once listening,
 * an error of the listening socket (too many open files on accept, say) is logged, not fatal.
 */
export function listen(server: http.Server, port: number, host?: string, log = (line: string) => console.error(line)): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => reject(new ListenError(listenErrorMessage(error, port, host)));
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      server.on("error", (error) => log(`✗ server: ${error.message}`));
      resolve();
    });
  });
}

function listenErrorMessage(error: NodeJS.ErrnoException, port: number, host?: string): string {
  switch (error.code) {
    case "EADDRINUSE":
      return `✗ port ${port} is already in use (another npm start?): set PORT to a free port, e.g. PORT=${port === 65535 ? 3001 : port + 1} npm start`;
    case "EACCES":
      return `✗ port ${port} needs privileges this user lacks: set PORT to 1024 or above, e.g. PORT=3000 npm start`;
    case "EADDRNOTAVAIL":
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return `✗ HOST=${host} is not an address of this machine: set HOST to one of its addresses, or leave it unset for all interfaces`;
    default:
      return `✗ cannot listen on ${host ?? "all interfaces"} port ${port} (${error.code ?? error.message}): check PORT and HOST`;
  }
}
