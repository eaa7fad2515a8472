/**
 * Back to the top of a long page: fixed in the corner, so it moves nothing. `#top` is the top of
 * the document by the HTML standard, so it works without JavaScript; src/client/back-to-top.ts
 * shows it only once the reader has scrolled a screen and scrolls up without changing the address.
 */
export function BackToTop() {
  return (
    <a href="#top" className="back-to-top" data-back-to-top="">
      <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M12 19V5M5 12l7-7 7 7" />
      </svg>
      <span className="back-to-top__label">回到顶部</span>
    </a>
  );
}
