import { describe, expect, it } from "vitest";
import { cspFor, withCspMeta } from "../../scripts/lib/csp";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `));

describe("content security policy", () => {
  it("hashes executable inline scripts, not JSON data blocks, and never allows inline script", () => {
    const policy = cspFor('<script>self.a=1</script><script type="application/ld+json">{"a":1}</script><script src="/x.js"></script>');
    expect(directive(policy, "script-src")).toBe("script-src 'self' 'sha256-U+8MK+0uDzz63CVi5Lllj/7310ahz5UzrVluFdPYEWw='");
    // (the value is `printf 'self.a=1' | openssl dgst -sha256 -binary | base64`)
  });

  it("allows frames only from the players a page embeds", () => {
    expect(directive(cspFor("<p>no embeds</p>"), "frame-src")).toBe("frame-src 'none'");
    const html = '<div class="faq-embed"><iframe src="https://cloud.tencent.com/edu/1" title="视频"></iframe></div><iframe src="https://v.qq.com/x"></iframe>';
    expect(directive(cspFor(html), "frame-src")).toBe("frame-src https://cloud.tencent.com https://v.qq.com");
  });
});

describe("CSP meta tag", () => {
  it("goes right after the charset declaration, which must stay in the first 1,024 bytes", () => {
    const scripts = Array.from({ length: 40 }, (_, i) => `<script>self.x${i}=1</script>`).join("");
    const html = withCspMeta(`<!DOCTYPE html><html><head><meta charSet="utf-8"/><title>t</title></head><body>${scripts}</body></html>`);
    expect(html.indexOf('<meta charSet="utf-8"/>')).toBeLessThan(1024);
    expect(html).toContain('<meta charSet="utf-8"/><meta http-equiv="Content-Security-Policy" content="default-src');
  });
});
