/**
 * The back-to-top link (components/back-to-top.tsx): shown once the reader is a screen down the
 * page (it is fixed, so showing it moves nothing), and back at the top it moves the keyboard focus
 * to the page's heading without adding `#top` to the address.
 */
export function enableBackToTop(): void {
  const link = document.querySelector<HTMLAnchorElement>("[data-back-to-top]");
  if (!link) return;
  const update = () => link.toggleAttribute("data-shown", window.scrollY > window.innerHeight * 0.8);
  window.addEventListener("scroll", update, { passive: true });
  update();
  link.addEventListener("click", (event) => {
    event.preventDefault();
    window.scrollTo({ top: 0 });
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  });
}
