/**
 * Code blocks and tables that are wider than the answer scroll sideways (globals.css). A keyboard
 * user can scroll one only once it can take focus: those that overflow now get `tabindex="0"`
 * (WCAG 2.1.1; axe's scrollable-region-focusable), checked again when the window is resized and
 * when a tab pane or an accordion item is shown.
 */
export function makeScrollBoxesFocusable(): void {
  if (!document.querySelector(".prose")) return;
  const update = () => {
    for (const box of document.querySelectorAll<HTMLElement>(".prose pre, .prose table")) {
      if (box.scrollWidth > box.clientWidth + 1) box.tabIndex = 0;
      else box.removeAttribute("tabindex");
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
  document.addEventListener("click", (event) => {
    if ((event.target as Element | null)?.closest?.("[role=tab]")) requestAnimationFrame(update);
  });
  document.addEventListener("toggle", () => requestAnimationFrame(update), true); // <details> opened
  update();
}
