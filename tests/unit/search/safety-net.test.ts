import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadSite, loadSynonyms } from "@/content/load";
import { buildIndexData } from "@/search/build-index";
import { createSearchEngine } from "@/search/engine";
import { memorySource } from "@/search/index-source";
import { strictEngine } from "./seed-index";

vi.mock("@/search/inverted-index", async (original) => (await import("./crashing-index")).crashingIndex(await original()));

const dir = path.resolve("content");
const data = buildIndexData(loadSite(dir).site, loadSynonyms(dir).synonyms);

describe("an engine bug", () => {
  it("costs the customer one empty result, and is reported to onError", () => {
    const onError = vi.fn();
    expect(createSearchEngine(memorySource(data), { onError }).search("人脸识别失败")).toEqual([]);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: "injected engine bug" }), "人脸识别失败");
  });

  it("is logged by default", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(createSearchEngine(memorySource(data)).search("人脸识别失败")).toEqual([]);
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("fails the tests' strict engine", () => {
    expect(() => strictEngine(data).search("人脸识别失败")).toThrow("injected engine bug");
  });
});
