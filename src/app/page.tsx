import type { Metadata } from "next";
import { SearchBox } from "@/components/search-box";
import { getSite, pageEntries } from "@/content";
import { getFeaturedQuestions } from "@/lib/featured";
import { canonicalPath } from "@/lib/config";
import { getSearchConfig } from "@/lib/search-config";

export const metadata: Metadata = { alternates: { canonical: canonicalPath("/") } };

/** Pages listed per category card; the category page lists them all. */
const CARD_PAGES = 6;

export default function HomePage() {
  const site = getSite();
  const featured = getFeaturedQuestions(site);
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">有什么可以帮您？</h1>
        <div className="hero__search">
          <SearchBox config={getSearchConfig()} id="hero-search" size="hero" />
        </div>
      </section>
      <div className="home">
        {featured.length > 0 && (
          <section aria-labelledby="featured-title" className="home__featured">
            <h2 id="featured-title">热门问题</h2>
            <ul className="link-list">
              {featured.map((q) => (
                <li key={q.url}>
                  <a href={q.url}>{q.question}</a>
                  <span className="link-list__where">{q.page}</span>
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="categories-title" className="home__categories">
          <h2 id="categories-title">问题分类</h2>
          <ul className="cards">
            {site.categories.map((category) => (
              <li key={category.slug} className="card">
                <h3 className="card__title"><a href={category.url}>{category.title}</a></h3>
                {category.description && <p className="card__text">{category.description}</p>}
                <ul className="card__pages">
                  {category.pages.slice(0, CARD_PAGES).map((page) => (
                    <li key={page.slug}>
                      <a href={page.url}>{page.title}</a> <span className="muted">（{pageEntries(page).length} 个问题）</span>
                    </li>
                  ))}
                </ul>
                {category.pages.length > CARD_PAGES && <a href={category.url} className="more">查看全部 {category.pages.length} 个页面</a>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
