// The site's only browser script: progressive enhancement of the static HTML. Every page works
// without it (links, forms to /search/, all tab panes shown, `:target` highlights); with it, search
// answers as you type, tabs work and permalinks copy. Bundled by scripts/lib/client-bundle.ts.
import { enableBackToTop } from "./back-to-top";
import { copyLinksOnClick } from "./copy-link";
import { enableFeedback } from "./feedback";
import { landDeepLinks } from "./deep-link";
import { enhanceSearchBox, focusSearchOnSlash } from "./search-box";
import { enhanceQuestionIndex } from "./question-index";
import { makeScrollBoxesFocusable } from "./scroll-boxes";
import { enhanceSearchResults } from "./search-results";
import { enhanceTabGroups, openDetailsForPrint } from "./tabs";
import { enableThemeToggles } from "./theme-toggle";

document.documentElement.classList.add("js");
enhanceTabGroups(); // before landing: a deep link may point into a tab pane
landDeepLinks();
// After the browser's own jump to a cold deep link: smooth scrolling is for moves within the page.
window.addEventListener("load", () => requestAnimationFrame(() => document.documentElement.setAttribute("data-smooth-scroll", "")));
openDetailsForPrint();
enableThemeToggles();
copyLinksOnClick();
enhanceQuestionIndex();
enableBackToTop();
makeScrollBoxesFocusable();
document.querySelectorAll<HTMLElement>("[data-search-box]").forEach(enhanceSearchBox);
focusSearchOnSlash();
const results = document.querySelector<HTMLElement>("[data-search-results]");
if (results) enhanceSearchResults(results);
// A build without a collector (COLLECTOR_URL=off) drops this code from the bundle altogether.
if (COLLECTOR_URL !== "off") enableFeedback();
