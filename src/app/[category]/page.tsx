import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { canonicalPath, OPEN_GRAPH_BASE } from "@/lib/config";
import { getCategory, getSite, pageEntries } from "@/content";

type CategoryPageProps = { params: Promise<{ category: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getSite().categories.map((c) => ({ category: c.slug }));
}

export async function generateMetadata({ params }: CategoryPageProps): Promise<Metadata> {
  const category = getCategory((await params).category);
  if (!category) return {};
  const description = category.description || `${category.title}：${category.pages.map((p) => p.title).join("、")}`.slice(0, 150);
  return { title: category.title, description, alternates: { canonical: canonicalPath(category.url) }, openGraph: { ...OPEN_GRAPH_BASE, title: category.title, description, url: canonicalPath(category.url) } };
}

export default async function CategoryPage({ params }: CategoryPageProps) {
  const category = getCategory((await params).category);
  if (!category) notFound();
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "首页" }, { label: category.title }]} />
      <h1>{category.title}</h1>
      {category.description && <p className="lead">{category.description}</p>}
      <ul className="page-list">
        {category.pages.map((page) => {
          const entries = pageEntries(page);
          return (
            <li key={page.slug} className="card">
              <h2 className="card__title"><a href={page.url}>{page.title}</a></h2>
              <p className="card__text">{page.description}</p>
              <ul className="card__pages">
                {entries.slice(0, 4).map((e) => (
                  <li key={e.id}><a href={`${page.url}#${e.id}`}>{e.question}</a></li>
                ))}
              </ul>
              {entries.length > 4 && <a href={page.url} className="more">查看全部 {entries.length} 个问题</a>}
            </li>
          );
        })}
      </ul>
    </>
  );
}
