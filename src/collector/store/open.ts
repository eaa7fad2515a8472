import fs from "node:fs";
import path from "node:path";
import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { migrate } from "./migrations";
import { SqliteThreadDialect } from "./sqlite-dialect";
import type { Tables } from "./tables";

export type Dialect = "sqlite" | "postgres";
export type Db = Kysely<Tables>;

/** Where the collector stores: a SQLite file (the default), or PostgreSQL at a URL. */
export type StoreLocation = { dialect: "sqlite"; file: string } | { dialect: "postgres"; url: string; poolSize?: number };

export type OpenStore = { db: Db; dialect: Dialect; location: StoreLocation; close: () => Promise<void> };

/**
 * `DATABASE_URL=postgres://…` → PostgreSQL; unset → SQLite in `DATA_DIR` (default `data/`) as
 * `collector.sqlite`. Anything else is refused with what to write instead.
 */
export function storeLocation(env: NodeJS.ProcessEnv = process.env): StoreLocation {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { dialect: "sqlite", file: path.resolve(env.DATA_DIR || "data", "collector.sqlite") };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: "postgres", url, poolSize: env.DATABASE_POOL_SIZE ? Number(env.DATABASE_POOL_SIZE) : undefined };
  throw new Error(`DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/db); leave it unset to store in SQLite under DATA_DIR (default data/)`);
}

// PostgreSQL sends bigint (count, sum) and numeric as text, to keep precision; ours are counts and
// millisecond times, far below 2^53.
const pgTypes = {
  getTypeParser: (oid: number, format?: string) => (oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format as "text")),
};

/** Opens the store and brings its schema up to date (migrations run on every start). */
export async function openStore(location: StoreLocation = storeLocation()): Promise<OpenStore> {
  let db: Db;
  if (location.dialect === "sqlite") {
    fs.mkdirSync(path.dirname(location.file), { recursive: true });
    const pragmas = [
      "journal_mode = WAL", // readers (npm run report) never block the writer
      "synchronous = FULL", // a commit is on disk (fsync) before it is acknowledged
      "busy_timeout = 5000", // another process holding the lock (the report, a second server): wait
      "secure_delete = ON", // deleted salts and expired rows are overwritten, not left in free pages
    ];
    db = new Kysely<Tables>({ dialect: new SqliteThreadDialect({ file: location.file, pragmas }) });
  } else {
    const pool = new pg.Pool({ connectionString: location.url, max: location.poolSize ?? 10, types: pgTypes, connectionTimeoutMillis: 10_000 });
    pool.on("error", () => {}); // an idle connection dropped by the server: the pool replaces it
    db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
  }
  try {
    await migrate(db as Kysely<unknown>, location.dialect);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw error;
  }
  return { db, dialect: location.dialect, location, close: () => db.destroy() };
}
