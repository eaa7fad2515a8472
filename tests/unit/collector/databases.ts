import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, it } from "vitest";
import type { StoreLocation } from "@/collector/store/open";
import { scratchPostgresDatabase } from "../../../scripts/lib/collector-process";

/**
 * The two stores the collector runs on, both real: a SQLite file in a scratch folder, and a
 * scratch database on the PostgreSQL server of TEST_DATABASE_URL (scripts/test.sh starts one with
 * scripts/postgres-scratch.sh; .ci/run installs PostgreSQL). Without TEST_DATABASE_URL the
 * PostgreSQL suites fail in CI (CI=true) and are skipped, with a warning, elsewhere.
 */
export type Scratch = { location: StoreLocation; drop: () => Promise<void> };

export function scratchSqlite(): Scratch {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "faq-collector-test-"));
  return { location: { dialect: "sqlite", file: path.join(dir, "collector.sqlite") }, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function scratchPostgres(): Promise<Scratch> {
  const scratch = await scratchPostgresDatabase(process.env.TEST_DATABASE_URL!, "faq_test");
  return { location: { dialect: "postgres", url: scratch.url, poolSize: 4 }, drop: scratch.drop };
}

export const DIALECTS = [
  { name: "SQLite", scratch: async () => scratchSqlite() },
  { name: "PostgreSQL", scratch: scratchPostgres },
] as const;

/** `describe` for each store; the PostgreSQL one needs TEST_DATABASE_URL (see above). */
export function describeEachStore(title: string, body: (scratch: () => Promise<Scratch>, dialect: "SQLite" | "PostgreSQL") => void): void {
  for (const d of DIALECTS) {
    if (d.name === "PostgreSQL" && !process.env.TEST_DATABASE_URL) {
      if (process.env.CI) {
        describe(`${title} (PostgreSQL)`, () => {
          it("has a PostgreSQL server to test against", () => {
            throw new Error("TEST_DATABASE_URL is not set: CI must test the collector on a real PostgreSQL (.ci/run installs it; scripts/test.sh starts one with scripts/postgres-scratch.sh)");
          });
        });
      } else {
        console.warn(`⚠ ${title} (PostgreSQL) skipped: no TEST_DATABASE_URL and no PostgreSQL found (sudo apt-get install postgresql, or set TEST_DATABASE_URL)`);
        describe.skip(`${title} (PostgreSQL)`, () => body(d.scratch, d.name));
      }
      continue;
    }
    describe(`${title} (${d.name})`, () => body(d.scratch, d.name));
  }
}
