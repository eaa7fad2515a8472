"use client";

import { useEffect, useState } from "react";
import { SearchHitView } from "./search-hit";
import { useSearch } from "./use-search";

type Props = { indexUrl: string; supportUrl: string; supportLabel: string; popular: { url: string; question: string }[] };

/** The full result list of `/search/?q=…`: a shareable query, read from the address bar. */
export function SearchResults({ indexUrl, supportUrl, supportLabel, popular }: Props) {
  const [query, setQuery] = useState<string | null>(null);
  const { status, results, searched, run } = useSearch(indexUrl, 50);

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
  return (
    <section aria-labelledby="results-title">
      <form action="/search/" method="get" className="search-page__form" role="search">
        <label htmlFor="search-page-q" className="visually-hidden">搜索问题</label>
        <input id="search-page-q" name="q" type="search" defaultValue={query ?? ""} key={query ?? ""} className="search__input" placeholder="搜索问题" enterKeyHint="search" />
        <button type="submit" className="button">搜索</button>
      </form>
      <h2 id="results-title" className="search-page__summary" aria-live="polite">
        {status === "error" ? "搜索暂时不可用，请刷新页面重试。" : !query?.trim() ? "输入关键词搜索问题" : !done ? "正在搜索…" : results.length ? `“${query}” 的 ${results.length} 个结果` : `没有找到与“${query}”相关的问题`}
      </h2>
      {done && results.length > 0 && (
        <ol className="results">
          {results.map((hit) => (
            <li key={hit.doc.url} className="results__item">
              <a href={hit.doc.url} className="results__link">
                <SearchHitView hit={hit} />
              </a>
            </li>
          ))}
        </ol>
      )}
      {done && results.length === 0 && (
        <div className="empty">
          <p>换个说法试试，或 <a href={supportUrl} target="_blank" rel="noopener noreferrer">{supportLabel}</a>。</p>
          <h3>常见问题</h3>
          <ul>{popular.map((p) => <li key={p.url}><a href={p.url}>{p.question}</a></li>)}</ul>
        </div>
      )}
    </section>
  );
}
