import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { nextTheme, parseTheme, PRE_PAINT_SCRIPT, THEME_STORAGE_KEY } from "@/lib/theme";

const css = fs.readFileSync(new URL("../../src/app/globals.css", import.meta.url), "utf8");

/** The custom properties declared in the rule whose selector is `selector`. */
function declarations(selector: string): string[] {
  const start = css.indexOf(`${selector} {`);
  expect(start, `rule ${selector} missing`).toBeGreaterThan(-1);
  const body = css.slice(start, css.indexOf("}", start));
  return [...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => `${m[1]}: ${m[2]}`);
}

describe("colour theme", () => {
  it("cycles system → light → dark → system", () => {
    expect(nextTheme("system")).toBe("light");
    expect(nextTheme("light")).toBe("dark");
    expect(nextTheme("dark")).toBe("system");
  });

  it("treats anything but light or dark as following the system", () => {
    expect(parseTheme("dark")).toBe("dark");
    expect(parseTheme("DARK")).toBe("system");
    expect(parseTheme(undefined)).toBe("system");
  });

  it("the head script applies a stored choice and survives blocked storage", () => {
    const run = (storage: { getItem(key: string): string | null }) => {
      const documentElement = { dataset: {} as Record<string, string>, setAttribute: (name: string) => (documentElement.dataset[name] = "") };
      new Function("localStorage", "document", PRE_PAINT_SCRIPT)(storage, { documentElement });
      expect(documentElement.dataset["data-js"]).toBe("");
      return documentElement.dataset.theme;
    };
    expect(run({ getItem: (key) => (key === THEME_STORAGE_KEY ? "dark" : null) })).toBe("dark");
    expect(run({ getItem: () => "<script>" })).toBeUndefined();
    expect(run({ getItem: () => { throw new Error("SecurityError"); } })).toBeUndefined();
  });

  it("the chosen dark theme and the system's dark theme use the same colours", () => {
    const chosen = declarations(':root[data-theme="dark"]');
    expect(chosen.length).toBeGreaterThan(5);
    expect(declarations(':root:not([data-theme="light"])')).toEqual(chosen);
  });
});
