import type { SearchConfig } from "@/lib/search-config";
import { NoResults } from "./no-results";

/**
 * The search page's form and result list. The query is read from the address bar and the results
 * are filled in by src/client/search-results.ts: the HTML is the same for every `?q=`.
 */
export function SearchResults({ config }: { config: SearchConfig }) {
  return (
    <section aria-labelledby="results-title" className="search-page" data-search-results="" data-index-url={config.indexUrl}>
      <form action="/search/" method="get" className="search-page__form" role="search" aria-label="搜索结果页">
        <label htmlFor="search-page-q" className="visually-hidden">搜索问题</label>
        <input id="search-page-q" name="q" type="search" className="search__input" placeholder="搜索问题" enterKeyHint="search" />
        <button type="submit" className="button">搜索</button>
      </form>
      <h2 id="results-title" className="search-page__summary" aria-live="polite">输入关键词搜索问题</h2>
      <ol className="results" hidden />
      <div className="empty" hidden>
        <NoResults config={config} offer="form" />
      </div>
    </section>
  );
}
