"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { loadSearchClient, type SearchClient } from "@/search/client";
import type { SearchHit } from "@/search/types";

export type SearchStatus = "idle" | "loading" | "ready" | "error";

/**
 * Query → results, with the engine loaded on first use. Each run carries a sequence number and
 * only the newest one may set results, so a slow earlier query never overwrites a newer one.
 */
export function useSearch(indexUrl: string, limit: number) {
  const [status, setStatus] = useState<SearchStatus>("idle");
  const [results, setResults] = useState<SearchHit[]>([]);
  const [searched, setSearched] = useState("");
  const engine = useRef<SearchClient | null>(null);
  const seq = useRef(0);

  const prepare = useCallback(async (): Promise<SearchClient | null> => {
    if (engine.current) return engine.current;
    setStatus("loading");
    try {
      engine.current = await loadSearchClient(indexUrl);
      setStatus("ready");
      return engine.current;
    } catch {
      setStatus("error");
      return null;
    }
  }, [indexUrl]);

  const run = useCallback(
    async (query: string) => {
      const mine = ++seq.current;
      const trimmed = query.trim();
      if (!trimmed) {
        setResults([]);
        setSearched("");
        return;
      }
      const ready = await prepare();
      if (!ready || mine !== seq.current) return;
      const hits = await ready.search(trimmed, limit);
      if (mine !== seq.current) return; // a newer query is under way: never show older results
      setResults(hits);
      setSearched(trimmed);
    },
    [prepare, limit],
  );

  useEffect(() => () => void (seq.current += 1), []);
  return { status, results, searched, run, prepare };
}
