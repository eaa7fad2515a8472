import type { Metadata } from "next";
import { SearchResults } from "@/components/search-results";
import { canonicalPath } from "@/lib/config";
import { getLayoutView, getSearchPageView } from "@/views/source";

// Indexable, with its canonical URL (/search/) for every query: Lighthouse's SEO audit and search
// engines both see one search page rather than one thin page per query.
export const metadata: Metadata = { title: "搜索", description: "搜索全部常见问题：支持中文、拼音和错别字。", alternates: { canonical: canonicalPath("/search/") } };

export default function SearchPage() {
  return (
    <>
      <h1>搜索问题</h1>
      <SearchResults config={getLayoutView().search} popular={getSearchPageView().popular} />
      <noscript>
        <p>搜索需要启用 JavaScript。您也可以从<a href="/">首页</a>按分类浏览所有问题。</p>
      </noscript>
    </>
  );
}
