import { describe, expect, it } from "vitest";
import { RecentVotes } from "@/collector/recent-votes";

const MINUTE = 60_000;

describe("RecentVotes", () => {
  it("counts a question once per visitor while its steps keep coming within a minute of each other", () => {
    const recent = new RecentVotes(MINUTE);
    expect(recent.fresh("v1", ["/p/#a", "/p/#a", "/p/#b"], 0)).toBe(2);
    recent.note("v1", ["/p/#a", "/p/#b"], 0);
    expect(recent.fresh("v1", ["/p/#a"], 50_000)).toBe(0);
    recent.note("v1", ["/p/#a"], 50_000);
    expect(recent.fresh("v1", ["/p/#a", "/p/#b"], 100_000)).toBe(1); // #a was voted on again at 50 s, #b not since 0
    expect(recent.fresh("v2", ["/p/#a"], 100_000)).toBe(1); // another visitor
  });

  it("forgets the oldest visitors first when a flood of them reaches its bound, keeping the recent ones", () => {
    const recent = new RecentVotes(MINUTE, 100);
    for (let i = 0; i < 100; i++) recent.note(`v${i}`, ["/p/#a"], i * 1000);
    recent.note("v100", ["/p/#a"], 100_000); // at the bound: those older than a minute (v0…v40) go
    expect(recent.size).toBe(60);
    expect(recent.fresh("v41", ["/p/#a"], 100_000)).toBe(0);
    expect(recent.fresh("v100", ["/p/#a"], 100_000)).toBe(0);
  });

  it("stays within its bound when a flood comes within one minute", () => {
    const recent = new RecentVotes(MINUTE, 100);
    for (let i = 0; i < 1000; i++) {
      recent.note(`v${i}`, ["/p/#a"], i);
      expect(recent.size).toBeLessThanOrEqual(100);
    }
    expect(recent.fresh("v999", ["/p/#a"], 1000)).toBe(0);
  });
});
