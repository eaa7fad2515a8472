import { SEARCH_LIMITS } from "@/search/options";
import type { FeaturedQuestion } from "@/lib/featured";
import type { SearchConfig } from "@/lib/search-config";
import { NoResults } from "./no-results";
import { QuestionLinks } from "./question-links";

/**
 * Runs where it stands, before the page below it is painted: marks a page opened with a query, so
 * CSS hides the start panel (popular questions, a hint) before it is ever shown. The build hashes
 * it into the page's CSP like the other inline scripts. src/client/search-results.ts keeps the mark
 * right when the query changes (back and forward).
 */
export const SEARCH_QUERY_SCRIPT = `try{if((new URLSearchParams(location.search).get("q")||"").trim())document.documentElement.setAttribute("data-search-query","")}catch(e){}`;

/**
 * The search page's form and result list. The query is read from the address bar and the results
 * are filled in by src/client/search-results.ts: the HTML is the same for every `?q=`. Without a
 * query the page offers the popular questions and says what search understands.
 */
export function SearchResults({ config, popular }: { config: SearchConfig; popular: FeaturedQuestion[] }) {
  return (
    <section aria-labelledby="results-title" className="search-page" data-search-results="" data-index-url={config.indexUrl}>
      <script dangerouslySetInnerHTML={{ __html: SEARCH_QUERY_SCRIPT }} />
      <form action="/search/" method="get" className="search-page__form" role="search" aria-label="搜索结果页">
        <label htmlFor="search-page-q" className="visually-hidden">搜索问题</label>
        <input id="search-page-q" name="q" type="search" className="search__input" placeholder="搜索问题，如：人脸识别失败" enterKeyHint="search" maxLength={SEARCH_LIMITS.boxChars} />
        <button type="submit" className="button">搜索</button>
      </form>
      <h2 id="results-title" className="search-page__summary" aria-live="polite">输入关键词搜索问题</h2>
      <div className="search-page__start">
        <p className="search-page__hint">
          可以用中文、拼音或拼音首字母搜索（如 <code>renlian</code>、<code>rlsb</code>），写错字也能找到；错误码和报错信息按原样输入，可以直接粘贴。
        </p>
        {popular.length > 0 && (
          <>
            <h3 className="search-page__popular-title">热门问题</h3>
            <QuestionLinks questions={popular} />
          </>
        )}
      </div>
      <ol className="results" hidden />
      <div className="empty" hidden>
        <NoResults config={config} offer="form" />
      </div>
    </section>
  );
}
