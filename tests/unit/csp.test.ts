import { describe, expect, it } from "vitest";
import { cspFor } from "../../scripts/lib/csp";

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
