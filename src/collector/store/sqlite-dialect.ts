import { Worker } from "node:worker_threads";
import {
  CompiledQuery,
  type DatabaseConnection,
  type DatabaseIntrospector,
  type Dialect,
  type DialectAdapter,
  type Driver,
  type Kysely,
  type QueryCompiler,
  type QueryResult,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from "kysely";

/** What goes to and comes back from the database thread (sqlite-thread.mjs). */
type QueryMessage = { id: number; sql: string; parameters: unknown[] };
type ResultMessage = { id: number; rows?: unknown[]; changes?: number; insertId?: number | bigint; error?: { message: string; code?: string } };

/** An error from SQLite, with its code (`SQLITE_CONSTRAINT_PRIMARYKEY`…). */
export class SqliteError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

/** The one connection to the database thread. Queries go one at a time (Kysely holds the connection for a transaction). */
class ThreadConnection implements DatabaseConnection {
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (r: ResultMessage) => void; reject: (e: Error) => void }>();
  private failed: Error | null = null;

  constructor(readonly worker: Worker) {
    worker.on("message", (reply: ResultMessage) => {
      const w = this.waiting.get(reply.id);
      this.waiting.delete(reply.id);
      w?.resolve(reply);
    });
    const fail = (error: Error) => {
      this.failed = error;
      for (const w of this.waiting.values()) w.reject(error);
      this.waiting.clear();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => fail(new Error(`the SQLite thread ended (${code})`)));
  }

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    if (this.failed) throw this.failed;
    const id = ++this.next;
    const reply = await new Promise<ResultMessage>((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql: query.sql, parameters: [...query.parameters] } satisfies QueryMessage);
    });
    if (reply.error) throw new SqliteError(reply.error.message, reply.error.code);
    if (reply.rows) return { rows: reply.rows as R[] };
    return { rows: [], numAffectedRows: BigInt(reply.changes ?? 0), insertId: reply.insertId === undefined ? undefined : BigInt(reply.insertId) };
  }

  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error("streaming is not supported: read in pages");
  }
}

class ThreadDriver implements Driver {
  private connection: ThreadConnection | null = null;
  private lock: Promise<void> = Promise.resolve();
  private unlock: (() => void) | null = null;

  constructor(private readonly options: { file: string; pragmas: string[] }) {}

  async init(): Promise<void> {
    const worker = new Worker(new URL("./sqlite-thread.mjs", import.meta.url), { workerData: this.options });
    await new Promise<void>((resolve, reject) => {
      worker.once("online", resolve);
      worker.once("error", reject);
    });
    this.connection = new ThreadConnection(worker);
    // The first query proves the database opened (a bad path or a locked file fails here).
    await this.connection.executeQuery(CompiledQuery.raw("select 1"));
  }

  async acquireConnection(): Promise<DatabaseConnection> {
    // One connection: wait for the one before to be released.
    const previous = this.lock;
    let release!: () => void;
    this.lock = new Promise((resolve) => (release = resolve));
    await previous;
    this.unlock = release;
    return this.connection!;
  }

  async releaseConnection(): Promise<void> {
    const release = this.unlock;
    this.unlock = null;
    release?.();
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate")); // take the write lock now, not halfway
  }
  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("commit"));
  }
  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("rollback"));
  }

  async destroy(): Promise<void> {
    const worker = this.connection?.worker;
    if (!worker) return;
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    worker.postMessage("close");
    await exited;
  }
}

/**
 * Kysely's SQLite dialect (its adapter, compiler and introspector: the same SQL), with the database
 * in a worker thread (sqlite-thread.mjs) instead of on the server's thread.
 */
export class SqliteThreadDialect implements Dialect {
  constructor(private readonly options: { file: string; pragmas: string[] }) {}
  createDriver(): Driver {
    return new ThreadDriver(this.options);
  }
  createQueryCompiler(): QueryCompiler {
    return new SqliteQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return new SqliteAdapter();
  }
  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SqliteIntrospector(db);
  }
}
