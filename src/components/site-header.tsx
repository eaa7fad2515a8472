import Link from "next/link";
import { SITE } from "@/lib/config";
import type { SearchConfig } from "@/lib/search-config";
import { SearchBox } from "./search-box";

/** Sticky header: the site name and search (hidden on the home page, whose hero has the big box). */
export function SiteHeader({ search }: { search: SearchConfig }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          {SITE.name}
        </Link>
        <div className="site-header__search">
          <SearchBox config={search} />
        </div>
      </div>
    </header>
  );
}
