"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { loadSearchEngine } from "@/search/client";
import type { SearchEngine } from "@/search/engine";
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
  const engine = useRef<SearchEngine | null>(null);
  const seq = useRef(0);

  const prepare = useCallback(async (): Promise<SearchEngine | null> => {
    if (engine.current) return engine.current;
    setStatus("loading");
    try {
      engine.current = await loadSearchEngine(indexUrl);
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
      setResults(ready.search(trimmed, limit));
      setSearched(trimmed);
    },
    [prepare, limit],
  );

  useEffect(() => () => void (seq.current += 1), []);
  return { status, results, searched, run, prepare };
}
