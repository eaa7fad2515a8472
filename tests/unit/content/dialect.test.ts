import { describe, expect, it } from "vitest";
import { parsePage } from "@/content/parse";
import { pageEntries } from "@/content/types";

const parse = (md: string) => parsePage(md, { path: "x.md", category: "c", fileSlug: "x" });
/** The answer HTML of a page with one question, with the given answer Markdown. */
const answer = (md: string) => pageEntries(parse(`### 问题？\n\n${md}`).page)[0].html.replace(/\n/g, "");

describe("callouts", () => {
  it("renders >? as a note and >! as a warning, with or without a space", () => {
    expect(answer(">? 这是说明。")).toBe('<div class="faq-callout faq-callout--note"><p class="faq-callout__title">说明</p><p>这是说明。</p></div>');
    expect(answer(">!商业版才有。")).toBe('<div class="faq-callout faq-callout--warning"><p class="faq-callout__title">注意</p><p>商业版才有。</p></div>');
    expect(answer("> ! 注意这个。")).toContain("faq-callout--warning");
  });

  it("keeps a list under a marker alone on its line, quoted or lazily continued", () => {
    expect(answer(">!\n>- 第一条\n>- 第二条")).toBe('<div class="faq-callout faq-callout--warning"><p class="faq-callout__title">注意</p><ul><li>第一条</li><li>第二条</li></ul></div>');
    expect(answer(">!\n- 到期后释放\n- 数据不可恢复")).toBe('<div class="faq-callout faq-callout--warning"><p class="faq-callout__title">注意</p><ul><li>到期后释放</li><li>数据不可恢复</li></ul></div>');
  });

  it("reads legacy bold labels and leaves plain quotes alone", () => {
    expect(answer("> **注意：**如果您发起解封申请。")).toBe('<div class="faq-callout faq-callout--warning"><p class="faq-callout__title">注意</p><p>如果您发起解封申请。</p></div>');
    expect(answer("> 普通引用。")).toBe("<blockquote><p>普通引用。</p></blockquote>");
  });

  it("renders <dx-alert> by its infotype", () => {
    expect(answer('<dx-alert infotype="explain" title="">\n说明内容。\n</dx-alert>')).toBe('<div class="faq-callout faq-callout--note"><p class="faq-callout__title">说明</p><p>说明内容。</p></div>');
    expect(answer('<dx-alert infotype="notice" title="">\n警告内容。\n</dx-alert>')).toContain("faq-callout--warning");
  });
});

describe("dx blocks", () => {
  it("turns <dx-tabs> panes into titled panes whose Markdown is parsed", () => {
    expect(answer("<dx-tabs>\n::: 方式一\n1. **登录**控制台\n:::\n::: 方式二\n使用 API。\n:::\n</dx-tabs>")).toBe(
      '<div class="faq-tabs"><div class="faq-tab"><p class="faq-tab__title">方式一</p><ol><li><strong>登录</strong>控制台</li></ol></div><div class="faq-tab"><p class="faq-tab__title">方式二</p><p>使用 API。</p></div></div>',
    );
  });

  it("turns <dx-accordion> items into native <details>, with \\s in titles read as spaces", () => {
    expect(answer("<dx-accordion>\n::: Error:\\sfailed\\sto\\sdo\\srequest\n网络不通。\n:::\n</dx-accordion>")).toBe(
      '<div class="faq-accordion"><details class="faq-accordion__item"><summary>Error: failed to do request</summary><p>网络不通。</p></details></div>',
    );
  });

  it("keeps <dx-codeblock> panes as highlighted code", () => {
    const html = answer("<dx-codeblock>\n::: Android \nTXUGCRecord record = this.getRecord();\n:::\n</dx-codeblock>");
    expect(html).toContain('<p class="faq-tab__title">Android</p>');
    expect(html).toContain('<code class="hljs language-java">');
    expect(html).toContain('<span class="hljs-type">TXUGCRecord</span>');
    expect(html).not.toContain('<p class="faq-tab__title"></p>');
  });

  it("fails on a block left open, at the line that opened it, and still reads the questions after it", () => {
    const md = "---\ntitle: T\n---\n### 一？[](id:a)\n\n<dx-tabs>\n::: 个人\n个人修改。\n:::\n\n### 二？[](id:b)\n\n答。\n\n### 三？[](id:c)\n\n<dx-accordion>\n::: 问\n答。\n:::";
    const { page, diagnostics } = parse(md);
    expect(diagnostics.filter((d) => d.severity === "error")).toEqual([
      expect.objectContaining({ line: 6, message: "<dx-tabs> is not closed before the heading at line 11: add </dx-tabs> after its last pane" }),
      expect.objectContaining({ line: 17, message: "<dx-accordion> is not closed by the end of the page: add </dx-accordion> after its last pane" }),
    ]);
    expect(pageEntries(page).map((e) => e.id)).toEqual(["a", "b", "c"]);
  });

  it("fails on a block closed by the wrong tag, and warns about a closing tag with nothing open", () => {
    const { diagnostics } = parse("### 一？\n\n<dx-tabs>\n::: t\n文字\n:::\n</dx-accordion>\n\n</dx-tabs>\n");
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 7, severity: "error", message: "</dx-accordion> closes the <dx-tabs> opened at line 3: write </dx-tabs>" }),
      expect.objectContaining({ line: 9, severity: "warning", message: "</dx-tabs> closes nothing: remove it, or add the <dx-tabs> it belongs to" }),
    ]);
  });

  it("closes a block after a callout (`></dx-tabs>`), and reads # in a code pane as code", () => {
    const { page, diagnostics } = parse("### 一？\n\n<dx-tabs>\n::: t\n>?说明\n>:::\n></dx-tabs>\n\n#### 之后\n\n<dx-codeblock>\n::: shell\n# 安装\nnpm i\n:::\n</dx-codeblock>");
    expect(diagnostics).toEqual([]);
    const html = pageEntries(page)[0].html.replace(/\n/g, "");
    expect(html).toContain('<p>说明</p></div></div></div><h3 id="之后">之后</h3>');
    expect(html).toContain('<span class="hljs-comment"># 安装</span>');
  });

  it("maps diagnostics after a rewritten block back to the writer's line", () => {
    const { diagnostics } = parse("### 一？[](id:a)\n\n<dx-tabs>\n::: t\n文字\n:::\n</dx-tabs>\n\n### 二？[](id:a)\n\n答。");
    expect(diagnostics).toEqual([expect.objectContaining({ line: 9, severity: "error" })]);
  });
});

describe("HTML, tables, images, code", () => {
  it("keeps <br> and <li> in pipe-table cells and rowspan in HTML tables", () => {
    expect(answer("|码|说明|\n|---|---|\n|15|<li>一</li><li>二</li>|\n|16|第一行<br>第二行|")).toContain("<td>第一行<br>第二行</td>");
    expect(answer('<table><tr><td rowspan="2">合并</td><td>a</td></tr><tr><td>b</td></tr></table>')).toContain('<td rowspan="2">合并</td>');
    expect(answer("|码|说明|\n|---|---|\n|15|<li>一</li> <li>二</li>|")).toContain("<td><ul><li>一</li><li>二</li></ul></td>");
  });

  it("drops obsolete layout attributes, so pages stay valid HTML", () => {
    expect(answer('<table><tr><th width="20%">名</th><td align="center">值</td></tr></table>')).toContain("<th>名</th><td>值</td>");
  });

  it("parses the Markdown right below a lone <img> line", () => {
    expect(answer('<img src="https://a.example/x.png"/>\n8. 按 **Esc** 保存。')).toBe('<img src="https://a.example/x.png" loading="lazy" decoding="async" alt=""><ol start="8"><li>按 <strong>Esc</strong> 保存。</li></ol>');
  });

  it("loads images lazily and fixes protocol-relative URLs", () => {
    expect(answer("![图片描述](//host.example/a.png)")).toBe('<p><img src="https://host.example/a.png" alt="图片描述" loading="lazy" decoding="async"></p>');
  });

  it("highlights fenced code at build time", () => {
    expect(answer("```bash\necho hi\n```")).toBe('<pre><code class="hljs language-bash"><span class="hljs-built_in">echo</span> hi</code></pre>');
  });

  it("strips event handlers, scripts, javascript: URLs and iframes", () => {
    const html = answer('<a onclick="MtaH5.clickStat()" href="https://x.example/">下载</a>\n\n<iframe src="https://evil.example/"></iframe>\n\n[x](javascript:alert(1))');
    expect(html).not.toMatch(/onclick|iframe|javascript:|evil/);
    expect(html).toContain('href="https://x.example/"');
  });

  it("shows one line per line, as the writer wrote them", () => {
    expect(answer("微信扫码：即时完成\n人脸识别：即时完成")).toBe("<p>微信扫码：即时完成<br>人脸识别：即时完成</p>");
  });

  it("reads **bold** next to Chinese punctuation as bold", () => {
    expect(answer("单击**确定**。**注意：**保存后生效。")).toBe("<p>单击<strong>确定</strong>。<strong>注意：</strong>保存后生效。</p>");
  });

  it("repairs bold with a space inside the asterisks", () => {
    expect(answer("通过 **让用户具有操作权限 **来达到目的，单击** 确定**。")).toBe("<p>通过 <strong>让用户具有操作权限</strong>来达到目的，单击<strong>确定</strong>。</p>");
  });

  it("decodes entities and escapes, and keeps them as text", () => {
    expect(answer("使用 &lt;live-pusher&gt; 组件，CentOS 6.\\*")).toBe("<p>使用 &#x3C;live-pusher> 组件，CentOS 6.*</p>");
  });
});

describe("anchor repairs and warnings", () => {
  it("reads an anchor half-rewritten into a span", () => {
    expect(answer('- [](id:streamname">**流名称**</span>：推流的名称')).toBe('<ul><li><span id="streamname"></span><strong>流名称</strong>：推流的名称</li></ul>');
  });

  it("reads an anchor id with a space (the usual typo) as one word, and warns at its line", () => {
    const { page, diagnostics } = parse("### 电子发票在哪里下载？[](id:e invoice)\n\n答。\n\n[](id: faceiderr)\n### 二？\n\n答。");
    expect(pageEntries(page).map((e) => [e.id, e.question])).toEqual([["e-invoice", "电子发票在哪里下载？"], ["faceiderr", "二？"]]);
    expect(diagnostics).toEqual([
      expect.objectContaining({ line: 1, severity: "warning", message: "anchor [](id:e invoice) has a space in its id: read as [](id:e-invoice); write ids without spaces" }),
      expect.objectContaining({ line: 5, severity: "warning", message: "anchor [](id: faceiderr) has a space in its id: read as [](id:faceiderr); write ids without spaces" }),
    ]);
  });

  it("warns about a blank anchor id, naming its line", () => {
    expect(parse("### 问？[](id:)\n\n答。").diagnostics).toEqual([expect.objectContaining({ line: 1, severity: "warning", message: expect.stringContaining("no id") })]);
  });
});
