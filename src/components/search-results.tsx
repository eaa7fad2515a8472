"use client";

import { useEffect, useState } from "react";
import type { SearchConfig } from "@/lib/search-config";
import { rememberTerms } from "./landing-terms";
import { NoResults } from "./no-results";
import { SearchHitView } from "./search-hit";
import { useSearch } from "./use-search";

/** The full result list of `/search/?q=…`: a shareable query, read from the address bar. */
export function SearchResults({ config }: { config: SearchConfig }) {
  const [query, setQuery] = useState<string | null>(null);
  const { status, results, searched, run } = useSearch(config.indexUrl, 50);

  useEffect(() => {
    const read = () => setQuery(new URLSearchParams(window.location.search).get("q") ?? "");
    read();
    window.addEventListener("popstate", read);
    return () => window.removeEventListener("popstate", read);
  }, []);
  useEffect(() => {
    if (query !== null) void run(query);
  }, [query, run]);

  const done = query !== null && searched === query.trim();
  const summary =
    status === "error" ? "搜索暂时不可用，请刷新页面重试。"
    : !query?.trim() ? "输入关键词搜索问题"
    : !done ? "正在搜索…"
    : results.length ? `“${query}” 的 ${results.length} 个结果`
    : `没有找到与“${query}”相关的问题`;
  return (
    <section aria-labelledby="results-title" className="search-page">
      <form action="/search/" method="get" className="search-page__form" role="search" aria-label="搜索结果页">
        <label htmlFor="search-page-q" className="visually-hidden">搜索问题</label>
        <input id="search-page-q" name="q" type="search" defaultValue={query ?? ""} key={query ?? ""} className="search__input" placeholder="搜索问题" enterKeyHint="search" />
        <button type="submit" className="button">搜索</button>
      </form>
      <h2 id="results-title" className="search-page__summary" aria-live="polite">{summary}</h2>
      {done && results.length > 0 && (
        <ol className="results">
          {results.map((hit) => (
            <li key={hit.doc.url} className="results__item">
              <a href={hit.doc.url} className="results__link" onClick={() => rememberTerms(hit)}>
                <SearchHitView hit={hit} />
              </a>
            </li>
          ))}
        </ol>
      )}
      {done && results.length === 0 && query?.trim() && (
        <div className="empty">
          <NoResults config={config} />
        </div>
      )}
    </section>
  );
}
