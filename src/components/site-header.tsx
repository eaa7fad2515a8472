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
        {/* Before the search in the source (CSS order puts it last): Chromium may paint a half-parsed
            page, and a toggle parsed after the box would then push the box aside (a layout shift). */}
        <ThemeToggle />
        <div className="site-header__search">
          <SearchBox config={search} id="site-search" />
        </div>
      </div>
    </header>
  );
}
