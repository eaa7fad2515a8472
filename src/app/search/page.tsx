import type { Metadata } from "next";
import Link from "next/link";
import { SearchResults } from "@/components/search-results";
import { getSearchConfig } from "@/lib/search-config";

export const metadata: Metadata = { title: "搜索", robots: { index: false } };

export default function SearchPage() {
  return (
    <>
      <h1>搜索问题</h1>
      <SearchResults config={getSearchConfig()} />
      <noscript>
        <p>搜索需要启用 JavaScript。您也可以从<Link href="/">首页</Link>按分类浏览所有问题。</p>
      </noscript>
    </>
  );
}
