import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadSite, loadSynonyms } from "@/content/load";
import { buildIndexData } from "@/search/build-index";
import { createSearchEngine } from "@/search/engine";
import { PACK_BYTES, searchIndexFiles, WARM_BYTES } from "@/search/index-files";
import { memorySource, shardedSource } from "@/search/index-source";
import type { IndexManifest } from "@/search/types";
import { readCases } from "../../../scripts/lib/search-eval";

/**
 * The browser's sharded index gives exactly the results of the whole index in memory: the same
 * engine, fed the files a search asks for, as the worker does.
 */
function engines(dir: string) {
  const data = buildIndexData(loadSite(dir).site, loadSynonyms(dir).synonyms);
  const { manifest, files } = searchIndexFiles(data);
  const whole = createSearchEngine(memorySource(data));
  const sharded = (query: string) => {
    const source = shardedSource(JSON.parse(files[manifest]) as IndexManifest);
    const engine = createSearchEngine(source);
    let rounds = 0;
    for (;;) {
      const answer = engine.searchWithRelated(query);
      const missing = source.missing();
      if (missing.length === 0) return { answer, rounds, loaded: source.loaded(), files: Object.keys(files).length };
      for (const file of missing) source.add(file, JSON.parse(files[file]));
      rounds++;
    }
  };
  return { whole, sharded };
}

// Each case searches hundreds of queries on fresh sources: seconds of work, more on a loaded CI machine.
const HEAVY = { timeout: 60_000 };

describe.each([
  ["the seed page", "content", "tests/fixtures/search-eval/seed-blind.jsonl", 1],
  ["150 real pages", "tests/fixtures/qcloud-faq", "tests/fixtures/search-eval/corpus-public.jsonl", 0.25],
])("the sharded index over %s", HEAVY, (_, dir, cases, share) => {
  const { whole, sharded } = engines(path.resolve(dir));
  const queries = readCases(cases).map((c) => c.q);

  it("answers every query as the whole index does", () => {
    for (const q of queries) expect(sharded(q).answer, q).toEqual(whole.searchWithRelated(q));
  });

  it(`fetches at most ${share * 100} % of the index files for a first search, in at most three rounds after the manifest`, () => {
    for (const q of queries) {
      const run = sharded(q);
      expect(run.rounds, q).toBeLessThanOrEqual(3);
      expect(run.loaded, q).toBeLessThanOrEqual(run.files * share);
    }
  });
});

describe("what is fetched in the background after a first search: the first-keystroke pack, then warm shards", HEAVY, () => {
  const dir = path.resolve("tests/fixtures/qcloud-faq");
  const data = buildIndexData(loadSite(dir).site, loadSynonyms(dir).synonyms);
  const { manifest: name, files } = searchIndexFiles(data);
  const manifest = JSON.parse(files[name]) as IndexManifest;
  const gzipped = (file: string) => gzipSync(files[file]).length;
  const withPack = () => {
    const source = shardedSource(manifest);
    source.add(manifest.pack, JSON.parse(files[manifest.pack]));
    return source;
  };

  it("are a pack and distinct shards of the index, within the byte budgets", () => {
    expect(gzipped(manifest.pack)).toBeLessThanOrEqual(PACK_BYTES);
    expect(manifest.warm.length).toBeGreaterThan(0);
    expect(new Set(manifest.warm).size).toBe(manifest.warm.length);
    for (const i of manifest.warm) expect(manifest.shards[i]).toBeDefined();
    expect(gzipped(manifest.pack) + manifest.warm.reduce((n, i) => n + gzipped(manifest.shards[i]), 0)).toBeLessThanOrEqual(WARM_BYTES);
    expect(shardedSource(manifest).warm()).toEqual([manifest.pack, ...manifest.warm.map((i) => manifest.shards[i])]);
    expect(withPack().warm()[0]).toBe(manifest.warm.map((i) => manifest.shards[i])[0]);
  });

  it("with the pack at hand, a query of one character or one letter needs no shard (unless it has related words), and finds what the whole index does", () => {
    const whole = createSearchEngine(memorySource(data));
    const queries = [...new Set(Object.keys(data.shard.chars)), ..."abcdefghijklmnopqrstuvwxyz"];
    const needingShards: string[] = [];
    for (const q of queries) {
      const source = withPack();
      const engine = createSearchEngine(source);
      for (let round = 0; round < 5 && (round === 0 || source.missing().length); round++) {
        if (round === 1 && source.missing().some((f) => manifest.shards.includes(f))) needingShards.push(q);
        for (const file of source.missing()) source.add(file, JSON.parse(files[file]));
        engine.searchWithRelated(q);
      }
      expect(engine.searchWithRelated(q), q).toEqual(whole.searchWithRelated(q));
    }
    // Those that do are characters with near-synonyms or spoken forms (改 → 修改), whose words live in shards.
    expect(needingShards.length / queries.length).toBeLessThan(0.05);
  });

  it("with the pack loaded first, every evaluation query is answered as the whole index does", () => {
    const whole = createSearchEngine(memorySource(data));
    for (const q of readCases("tests/fixtures/search-eval/corpus-public.jsonl").map((c) => c.q)) {
      const source = withPack();
      const engine = createSearchEngine(source);
      for (let round = 0; round < 5 && (round === 0 || source.missing().length); round++) {
        for (const file of source.missing()) source.add(file, JSON.parse(files[file]));
        engine.searchWithRelated(q);
      }
      expect(engine.searchWithRelated(q), q).toEqual(whole.searchWithRelated(q));
    }
  });
});

describe("fetching ahead (the words most often written after the last character typed)", HEAVY, () => {
  const dir = path.resolve("tests/fixtures/qcloud-faq");
  const data = buildIndexData(loadSite(dir).site, loadSynonyms(dir).synonyms);
  const { manifest: name, files } = searchIndexFiles(data);
  const manifest = JSON.parse(files[name]) as IndexManifest;
  const loadMissing = (source: ReturnType<typeof shardedSource>) => {
    for (const file of source.missing()) source.add(file, JSON.parse(files[file]));
  };

  it("names the shards of the most frequent words after a character once its shard is in, and those hold the words", () => {
    const source = shardedSource(manifest);
    expect(source.ahead("退")).toEqual([]); // its own shard is not loaded yet: nothing asked for
    expect(source.missing()).toEqual([]);
    source.chars("退");
    loadMissing(source);
    const words = Object.entries(data.shard.terms)
      .filter(([t]) => /^退\p{Script=Han}$/u.test(t))
      .sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
      .slice(0, 4)
      .map(([t]) => t);
    expect(words).toContain("退款");
    const ahead = source.ahead("退");
    expect(ahead.length).toBeGreaterThan(0);
    for (const file of ahead) source.add(file, JSON.parse(files[file]));
    for (const w of words) expect(source.term(w)).toEqual(data.shard.terms[w]);
    expect(source.missing()).toEqual([]);
    expect(source.ahead("退")).toEqual([]);
  });

  it("after a lone letter, names the shards of the two-letter beginnings most common after it (Latin words, pinyin)", () => {
    const source = shardedSource(manifest);
    source.term("r");
    loadMissing(source);
    const ahead = source.ahead("r");
    expect(ahead.length).toBeGreaterThan(0);
    for (const file of ahead) source.add(file, JSON.parse(files[file]));
    // The most common start after r among the questions' pinyin is at hand: its words need no fetch.
    const [start] = Object.entries(data.shard.pinyin)
      .filter(([key]) => /^p:r[a-z]$/.test(key))
      .sort((a, b) => b[1].reduce((n, w) => n + w[2], 0) - a[1].reduce((n, w) => n + w[2], 0))[0];
    expect(source.pinyin(start)).toEqual(data.shard.pinyin[start]);
    expect(source.missing()).toEqual([]);
  });

  it("while a Latin word is typed, names the shards of the words it most often reads as; once they are in, the next keystroke needs no shard for them", () => {
    const source = shardedSource(manifest);
    const engine = createSearchEngine(source);
    for (let round = 0; round < 5 && (round === 0 || source.missing().length); round++) {
      loadMissing(source);
      engine.search("ren");
    }
    const next = engine.lookAhead("ren");
    const terms = "terms" in next ? next.terms : [];
    // Read from the questions' pinyin: 人脸 (ren lian) and 认证 (ren zheng) are among the commonest.
    expect(terms).toEqual(expect.arrayContaining(["人脸"]));
    const ahead = source.filesFor(terms);
    expect(ahead.length).toBeGreaterThan(0);
    expect(source.missing()).toEqual([]); // naming them asks for nothing
    for (const file of ahead) source.add(file, JSON.parse(files[file]));
    expect(source.filesFor(terms)).toEqual([]);
    for (const t of terms) expect(source.term(t)).toEqual(data.shard.terms[t]);
    // Not for a word the content has, nor after a space, a Han character or nothing Latin.
    for (const q of ["cvm", "ren ", "实名 ren ", "退 ", ""]) expect(engine.lookAhead(q), q).toEqual({ terms: [] });
    // Read as the engine reads a query: traditional characters and full-width letters too.
    expect(engine.lookAhead("退")).toEqual({ char: "退" });
    expect(engine.lookAhead("實")).toEqual({ char: "实" });
    expect(engine.lookAhead("实名 R")).toEqual({ letter: "r" });
    expect(engine.lookAhead("ｒ")).toEqual({ letter: "r" });
    // On a fresh source, with nothing loaded, it names nothing and asks for no initials shard.
    const fresh = shardedSource(manifest);
    expect(createSearchEngine(fresh).lookAhead("renlianshibie")).toEqual({ terms: [] });
    expect(fresh.missing().length).toBeLessThanOrEqual(2);
  });
});
