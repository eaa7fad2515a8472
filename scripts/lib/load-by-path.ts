import autocannon from "autocannon";

export type PathRequest = { path: string; headers?: Record<string, string> };
/** The status codes each request path got: path → status → count. */
export type StatusCounts = Map<string, Map<number, number>>;

export type Load = {
  counts: StatusCounts;
  /** Stops sending, waits for the answers in flight; autocannon's totals (errors: connections that failed). */
  stop: () => Promise<autocannon.Result>;
};

/**
 * autocannon on `connections` connections, each cycling over `requests` as a browser asks for them
 * (gzip accepted), until `stop()`. Counts every response's status by path; `onResponse` sees each
 * one as it arrives, for callers that act on progress (swap a build after so many answers).
 */
export function startLoad(url: string, connections: number, requests: PathRequest[], onResponse?: (path: string, status: number) => void): Load {
  const counts: StatusCounts = new Map(requests.map((r) => [r.path, new Map()]));
  const count = (path: string, status: number) => {
    const byStatus = counts.get(path)!;
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    onResponse?.(path, status);
  };
  const options: autocannon.Options = {
    url,
    connections,
    duration: 24 * 3600, // until stop()
    headers: { "accept-encoding": "gzip", accept: "text/html,*/*" },
    requests: requests.map(({ path, headers }) => ({ method: "GET", path, headers, onResponse: (status: number) => count(path, status) })),
  };
  let instance!: autocannon.Instance;
  const finished = new Promise<autocannon.Result>((resolve, reject) => {
    instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
  });
  return {
    counts,
    stop: () => {
      instance.stop();
      return finished;
    },
  };
}

/** Every status seen, over all paths. */
export function totals(counts: StatusCounts): Map<number, number> {
  const all = new Map<number, number>();
  for (const byStatus of counts.values()) for (const [status, n] of byStatus) all.set(status, (all.get(status) ?? 0) + n);
  return all;
}

/** `path  200 ×1234 · 404 ×5`, one line per path. */
export function formatCounts(counts: StatusCounts): string {
  const width = Math.max(...[...counts.keys()].map((p) => p.length));
  return [...counts]
    .map(([path, byStatus]) => `  ${path.padEnd(width)}  ${[...byStatus].sort(([a], [b]) => a - b).map(([s, n]) => `${s} ×${n}`).join(" · ") || "(no answer)"}`)
    .join("\n");
}
