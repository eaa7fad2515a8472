import { pageEntries } from "@/content";
import type { FaqPageView } from "@/views/views";
import { absoluteUrl, SITE } from "./config";

/**
 * schema.org data for search engines: the page's questions with their answers, and its breadcrumbs.
 * URLs are absolute with SITE_URL, root-relative without (a local build, never published as it is).
 */
export function faqPageJsonLd(category: FaqPageView["category"], page: FaqPageView["page"]): object[] {
  return [
    {
      "@context": "https://schema.org",
      "@type": "FAQPage",
      name: page.title,
      url: absoluteUrl(page.url),
      mainEntity: pageEntries(page).map((e) => ({
        "@type": "Question",
        name: e.question,
        url: absoluteUrl(`${page.url}#${e.id}`),
        acceptedAnswer: { "@type": "Answer", text: e.text },
      })),
    },
    {
      "@context": "https://schema.org",
      "@type": "BreadcrumbList",
      itemListElement: [
        { name: SITE.name, url: "/" },
        { name: category.title, url: category.url },
        { name: page.title, url: page.url },
      ].map((item, i) => ({ "@type": "ListItem", position: i + 1, name: item.name, item: absoluteUrl(item.url) })),
    },
  ];
}

/** JSON for a `<script type="application/ld+json">`: `<` escaped so content can never close the tag. */
export function jsonLdText(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
