"use client";

import { useEffect } from "react";
import { revealTarget } from "./dialect-enhancer";
import { markLandingTerms } from "./landing-terms";

const MARK = "data-targeted";

/**
 * Lands deep links on their question. The browser already scrolls to `#id` on a cold load (and CSS
 * `:target` highlights it without JavaScript), but on back/forward it restores the old scroll
 * position instead; this scrolls to the question on every hash change and marks it for the
 * highlight. Percent-encoded fragments (Chinese automatic ids) are decoded first.
 */
export function HashTarget() {
  useEffect(() => {
    document.documentElement.classList.add("js");
    const land = (scroll: boolean) => {
      document.querySelector(`[${MARK}]`)?.removeAttribute(MARK);
      const target = findTarget(window.location.hash);
      if (!target) return;
      target.setAttribute(MARK, "");
      markLandingTerms(target);
      const hidden = target.offsetParent === null; // inside a closed accordion item or another tab
      revealTarget(target);
      if (scroll || hidden) target.scrollIntoView({ block: "start" });
    };
    land(false); // the browser has scrolled already; scrolling again would fight the user
    const onHashChange = () => land(true);
    window.addEventListener("hashchange", onHashChange);
    return () => window.removeEventListener("hashchange", onHashChange);
  }, []);
  return null;
}

function findTarget(hash: string): HTMLElement | null {
  if (hash.length < 2) return null;
  const raw = hash.slice(1);
  return document.getElementById(raw) ?? document.getElementById(safeDecode(raw));
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
