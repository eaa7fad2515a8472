/**
 * Turns the content's tab groups (`<dx-tabs>`, `<dx-codeblock>`) into working tabs. The HTML shows
 * every pane one after another, so a page is complete without JavaScript; with it, each group gets
 * an ARIA tablist (arrow keys move between tabs).
 */
export function enhanceTabGroups(): void {
  document.querySelectorAll<HTMLElement>(".faq-tabs, .faq-codeblock").forEach((group, g) => enhanceTabs(group, g));
}

/** A printout has no clicks: print every accordion item open (the print CSS shows every tab pane). */
export function openDetailsForPrint(): void {
  window.addEventListener("beforeprint", () => document.querySelectorAll("details").forEach((d) => (d.open = true)));
}

function enhanceTabs(group: HTMLElement, g: number): void {
  const panes = [...group.children].filter((c): c is HTMLElement => c.classList.contains("faq-tab"));
  if (panes.length === 0) return;
  group.dataset.enhanced = "true";
  const list = document.createElement("div");
  list.setAttribute("role", "tablist");
  list.className = "faq-tabs__list";
  const tabs = panes.map((pane, i) => {
    const title = pane.querySelector<HTMLElement>(":scope > .faq-tab__title");
    const tab = document.createElement("button");
    tab.type = "button";
    tab.id = `faq-tab-${g}-${i}`;
    tab.setAttribute("role", "tab");
    tab.textContent = title?.textContent ?? `${i + 1}`;
    pane.id ||= `faq-tabpanel-${g}-${i}`;
    pane.setAttribute("role", "tabpanel");
    pane.setAttribute("aria-labelledby", tab.id);
    tab.setAttribute("aria-controls", pane.id);
    title?.classList.add("visually-hidden");
    tab.addEventListener("click", () => select(i));
    tab.addEventListener("keydown", (e) => {
      const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (!step) return;
      e.preventDefault();
      select((i + step + panes.length) % panes.length);
      tabs[(i + step + panes.length) % panes.length].focus();
    });
    list.append(tab);
    return tab;
  });
  function select(index: number) {
    tabs.forEach((t, i) => {
      t.setAttribute("aria-selected", String(i === index));
      t.tabIndex = i === index ? 0 : -1;
      panes[i].hidden = i !== index;
    });
  }
  group.prepend(list);
  select(0);
}

/** Makes a deep-link target visible: opens the accordion items and selects the tabs around it. */
export function revealTarget(target: HTMLElement): void {
  for (let el: HTMLElement | null = target; el; el = el.parentElement) {
    if (el instanceof HTMLDetailsElement) el.open = true;
    if (el.getAttribute("role") === "tabpanel" && el.hidden) document.getElementById(el.getAttribute("aria-labelledby") ?? "")?.click();
  }
}
