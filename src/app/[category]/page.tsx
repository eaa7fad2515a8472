import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { canonicalPath, OPEN_GRAPH_BASE } from "@/lib/config";
import { getCategoryView, getRenderList } from "@/views/source";

type CategoryPageProps = { params: Promise<{ category: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getRenderList().categories.map((category) => ({ category }));
}

export async function generateMetadata({ params }: CategoryPageProps): Promise<Metadata> {
  const view = getCategoryView((await params).category);
  if (!view) return {};
  const { category, pages } = view;
  const description = category.description || `${category.title}：${pages.map((p) => p.title).join("、")}`.slice(0, 150);
  return { title: category.title, description, alternates: { canonical: canonicalPath(category.url) }, openGraph: { ...OPEN_GRAPH_BASE, title: category.title, description, url: canonicalPath(category.url) } };
}

export default async function CategoryPage({ params }: CategoryPageProps) {
  const view = getCategoryView((await params).category);
  if (!view) notFound();
  const { category, pages } = view;
  return (
    <>
      <Breadcrumbs items={[{ href: "/", label: "首页" }, { label: category.title }]} />
      <h1>{category.title}</h1>
      {category.description && <p className="lead">{category.description}</p>}
      <ul className="page-list">
        {pages.map((page) => (
          <li key={page.slug} className="card">
            <h2 className="card__title"><a href={page.url}>{page.title}</a></h2>
            <p className="card__text">{page.description}</p>
            <ul className="card__pages">
              {page.questions.map((q) => (
                <li key={q.id}><a href={`${page.url}#${q.id}`}>{q.question}</a></li>
              ))}
            </ul>
            {page.questionCount > page.questions.length && <a href={page.url} className="more">查看全部 {page.questionCount} 个问题</a>}
          </li>
        ))}
      </ul>
    </>
  );
}
