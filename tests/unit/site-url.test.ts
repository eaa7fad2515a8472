import { afterEach, describe, expect, it, vi } from "vitest";
import { absoluteUrl, parseSiteUrl } from "@/lib/config";

/** The config module as a build with this environment sees it (it reads SITE_URL once, at import). */
async function configWith(siteUrl: string | undefined) {
  vi.resetModules();
  vi.stubEnv("SITE_URL", siteUrl ?? "");
  return import("@/lib/config");
}
afterEach(() => vi.unstubAllEnvs());

describe("SITE_URL", () => {
  it("is an origin without a trailing slash, and nothing when unset (no localhost default)", () => {
    expect(parseSiteUrl("https://help.example.com/")).toEqual({ url: "https://help.example.com", error: null });
    expect(parseSiteUrl("http://intranet:8080/help")).toEqual({ url: "http://intranet:8080/help", error: null });
    expect(parseSiteUrl(undefined)).toEqual({ url: null, error: null });
    expect(parseSiteUrl(" ")).toEqual({ url: null, error: null });
  });

  it("must be an absolute http(s) address, with the reason", () => {
    for (const bad of ["help.example.com", "ftp://help.example.com", "https://help.example.com/?a=1"]) {
      expect(parseSiteUrl(bad).error, bad).toMatch(/SITE_URL must be the site's absolute address, such as https:\/\/help\.example\.com/);
    }
  });

  it("makes canonical links and sitemap URLs absolute when set", async () => {
    const config = await configWith("https://help.example.com");
    expect(config.canonicalPath("/account/")).toBe("/account/");
    expect(config.absoluteUrl("/account/x/#a")).toBe("https://help.example.com/account/x/#a");
    const sitemap = (await import("@/app/robots")).default();
    expect(sitemap.sitemap).toBe("https://help.example.com/sitemap.xml");
  });

  it("gives no canonical link and only root-relative URLs when unset", async () => {
    const config = await configWith(undefined);
    expect(config.canonicalPath("/account/")).toBeUndefined();
    expect(config.absoluteUrl("/account/")).toBe("/account/");
    expect(config.SITE.url).toBeNull();
    expect(absoluteUrl("/a/", "https://h.example")).toBe("https://h.example/a/");
  });
});
