import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { BackToTop } from "@/components/back-to-top";
import { Breadcrumbs } from "@/components/breadcrumbs";
import { FaqEntry } from "@/components/faq-entry";
import { MissedLink } from "@/components/missed-link";
import { QuestionIndex } from "@/components/question-index";
import { canonicalPath, OPEN_GRAPH_BASE } from "@/lib/config";
import { faqPageJsonLd, jsonLdText } from "@/lib/structured-data";
import { getFaqPageView, getRenderList } from "@/views/source";

type FaqPageProps = { params: Promise<{ category: string; page: string }> };

export const dynamicParams = false;

export function generateStaticParams() {
  return getRenderList().pages;
}

export async function generateMetadata({ params }: FaqPageProps): Promise<Metadata> {
  const { category, page: slug } = await params;
  const page = getFaqPageView(category, slug)?.page;
  if (!page) return {};
  return {
    title: page.title,
    description: page.description,
    alternates: { canonical: canonicalPath(page.url) },
    openGraph: { ...OPEN_GRAPH_BASE, type: "article", title: page.title, description: page.description, url: canonicalPath(page.url), ...(page.updated ? { modifiedTime: page.updated } : {}) },
  };
}

export default async function FaqPage({ params }: FaqPageProps) {
  const { category: categorySlug, page: slug } = await params;
  const view = getFaqPageView(categorySlug, slug);
  if (!view) notFound();
  const { category, page } = view;
  return (
    <article className="faq-page">
      {faqPageJsonLd(category, page).map((data, i) => (
        <script key={i} type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />
      ))}
      <header className="faq-page__head">
        <Breadcrumbs items={[{ href: "/", label: "首页" }, { href: category.url, label: category.title }, { label: page.title }]} />
        <h1>{page.title}</h1>
        <MissedLink />
        {page.updated && (
          <p className="muted">
            最后更新：<time dateTime={page.updated}>{page.updated}</time>
          </p>
        )}
        {page.introHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: page.introHtml }} />}
      </header>
      <QuestionIndex sections={page.sections} />
      <div className="faq-page__body">
        {page.sections.map((section, i) =>
          section.title ? (
            <section key={section.id ?? i} aria-labelledby={section.id ?? undefined} className="group">
              <h2 id={section.id ?? undefined}>{section.title}</h2>
              {section.introHtml && <div className="prose" dangerouslySetInnerHTML={{ __html: section.introHtml }} />}
              {section.entries.map((e) => <FaqEntry key={e.id} entry={e} level={3} aliases={page.aliases[e.id]} />)}
            </section>
          ) : (
            section.entries.map((e) => <FaqEntry key={e.id} entry={e} level={2} aliases={page.aliases[e.id]} />)
          ),
        )}
      </div>
      <BackToTop />
    </article>
  );
}
