import type { Metadata } from "next";
import { SearchBox } from "@/components/search-box";
import { QuestionLinks } from "@/components/question-links";
import { canonicalPath } from "@/lib/config";
import { getHomeView, getLayoutView } from "@/views/source";

export const metadata: Metadata = { alternates: { canonical: canonicalPath("/") } };

export default function HomePage() {
  const { featured, categories } = getHomeView();
  return (
    <>
      <section className="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">有什么可以帮您？</h1>
        <div className="hero__search">
          <SearchBox config={getLayoutView().search} id="hero-search" size="hero" />
        </div>
      </section>
      <div className="home">
        {featured.length > 0 && (
          <section aria-labelledby="featured-title" className="home__featured">
            <h2 id="featured-title">热门问题</h2>
            <QuestionLinks questions={featured} />
          </section>
        )}
        <section aria-labelledby="categories-title" className="home__categories">
          <h2 id="categories-title">问题分类</h2>
          <ul className="cards">
            {categories.map((category) => (
              <li key={category.slug} className="card">
                <h3 className="card__title"><a href={category.url}>{category.title}</a></h3>
                {category.description && <p className="card__text">{category.description}</p>}
                <ul className="card__pages">
                  {category.pages.map((page) => (
                    <li key={page.slug}>
                      <a href={page.url}>{page.title}</a> <span className="muted">（{page.questionCount} 个问题）</span>
                    </li>
                  ))}
                </ul>
                {category.pageCount > category.pages.length && <a href={category.url} className="more">查看全部 {category.pageCount} 个页面</a>}
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
