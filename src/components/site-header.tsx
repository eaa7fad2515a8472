import Link from "next/link";
import { SITE } from "@/lib/config";
import { SearchBox } from "./search-box";

/** Sticky header: the site name and, on every page but the home page (which has its own), search. */
export function SiteHeader({ indexUrl }: { indexUrl: string }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__brand">
          {SITE.name}
        </Link>
        <div className="site-header__search">
          <SearchBox indexUrl={indexUrl} />
        </div>
      </div>
    </header>
  );
}
