import type { Metadata, Viewport } from "next";
import { SiteHeader } from "@/components/site-header";
import { CLIENT_SCRIPT, SPECULATION_RULES } from "@/lib/client-assets";
import { OPEN_GRAPH_BASE, SITE } from "@/lib/config";
import { PRE_PAINT_SCRIPT } from "@/lib/theme";
import { getLayoutView } from "@/views/source";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: SITE.name, template: `%s - ${SITE.name}` },
  description: "常见问题解答：搜索问题，快速找到答案。",
  // Without SITE_URL there is none, and no page gets a canonical link (canonicalPath): nothing absolute is guessed.
  ...(SITE.url ? { metadataBase: new URL(SITE.url) } : {}),
  icons: { icon: "/favicon.svg" },
  openGraph: { type: "website", ...OPEN_GRAPH_BASE },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#111418" },
  ],
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    // suppressHydrationWarning: only `next dev` hydrates (the built site ships no React); the <head>
    // script sets data-theme and data-js before that.
    <html lang="zh-CN" suppressHydrationWarning>
      <head>
        <script dangerouslySetInnerHTML={{ __html: PRE_PAINT_SCRIPT }} />
        <script src={CLIENT_SCRIPT} defer />
        <script type="speculationrules" dangerouslySetInnerHTML={{ __html: SPECULATION_RULES }} />
      </head>
      <body>
        <a href="#main" className="skip-link">跳到正文</a>
        <SiteHeader search={getLayoutView().search} />
        <main id="main" className="main">
          {children}
        </main>
        <footer className="site-footer">
          <p>
            没找到答案？<a href={SITE.supportUrl} target="_blank" rel="noopener noreferrer">{SITE.supportLabel}</a>
          </p>
        </footer>
      </body>
    </html>
  );
}
