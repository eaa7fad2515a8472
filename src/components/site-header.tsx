import { SITE } from "@/lib/config";
import type { SearchConfig } from "@/lib/search-config";
import { SearchBox } from "./search-box";
import { ThemeToggle } from "./theme-toggle";

/** Sticky header: the site name and search (hidden on the home page, whose hero has the big box). */
export function SiteHeader({ search }: { search: SearchConfig }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <a href="/" className="site-header__brand">
          {SITE.name}
        </a>
        {/* In visual order, so Tab goes brand → search → theme. The header is a grid whose columns
            exist before their content is parsed: a half-parsed page that Chromium paints already has
            the toggle's column, and nothing moves when the toggle arrives. */}
        <div className="site-header__search">
          <SearchBox config={search} id="site-search" />
        </div>
        <ThemeToggle />
      </div>
    </header>
  );
}
