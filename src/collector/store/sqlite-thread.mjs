// The SQLite database of the collector, in a worker thread of its own (sqlite-dialect.ts):
// better-sqlite3 is synchronous, and a commit waits for the disk (fsync), which on the server's
// thread would stop every request meanwhile. Here only this thread waits. Plain JavaScript, so the
// thread needs no TypeScript loader wherever it starts (npm start, the tests, the report).
//
// Messages in: { id, sql, parameters } or "close". Out: { id, rows } | { id, changes, insertId } | { id, error }.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, pragmas } = workerData;
const db = new Database(file);
for (const pragma of pragmas) db.pragma(pragma);
const statements = new Map();

function statement(sql) {
  let s = statements.get(sql);
  if (!s) {
    if (statements.size > 500) statements.clear();
    statements.set(sql, (s = db.prepare(sql)));
  }
  return s;
}

// Structured cloning turns a Buffer into a Uint8Array; better-sqlite3 binds Buffers as blobs.
const bind = (parameters) => parameters.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p.buffer, p.byteOffset, p.byteLength) : p));

parentPort.on("message", (message) => {
  if (message === "close") {
    db.close();
    parentPort.close();
    return;
  }
  const { id, sql, parameters } = message;
  let reply;
  try {
    const s = statement(sql);
    if (s.reader) reply = { id, rows: s.all(bind(parameters)) };
    else {
      const { changes, lastInsertRowid } = s.run(bind(parameters));
      reply = { id, changes, insertId: lastInsertRowid };
    }
  } catch (error) {
    reply = { id, error: { message: error.message, code: error.code } };
  }
  parentPort.postMessage(reply);
});
