// Adds up the steps and test reports of `npm test` (scripts/test.sh) and prints the closing
// "N passed, N failed" line. Exit code 1 when anything failed.
//
// A runner's own counts are not enough: Vitest counts no test for a file that failed to load or a
// `describe` body that threw, and neither runner counts an unhandled error, a web server that did
// not start, or a run that found no tests. So each of these counts as one failure too, and a
// runner that exited non-zero without any failure we can name counts as one.
import fs from "node:fs";
import path from "node:path";

type Tally = { passed: number; failed: number; lines: string[] };

type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  testResults: { name: string; status: string; message: string; assertionResults: { status: string; fullName: string; failureMessages?: string[] }[] }[];
};
type PlaywrightSpec = { title: string; file: string; line: number; tests: { projectName?: string; status: string; results?: { error?: { message?: string } }[] }[] };
type PlaywrightSuite = { title?: string; specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: { message?: string }[];
  suites?: PlaywrightSuite[];
};

/** How many failed tests the summary names: CI shows the tail of the output, so they go there. */
const NAMED_FAILURES = 10;

// Without colour codes: Playwright colours its error messages.
const firstLine = (text: string | undefined) => (text ?? "").replace(/\x1b\[[0-9;]*m/g, "").trim().split("\n")[0].slice(0, 200);

/** One line of steps.txt: `step NAME EXIT`, `runner NAME EXIT` or `missing NAME REASON…`. */
function summarize(dir: string): Tally {
  const tally: Tally = { passed: 0, failed: 0, lines: [] };
  const stepsFile = path.join(dir, "steps.txt");
  const steps = fs.existsSync(stepsFile) ? fs.readFileSync(stepsFile, "utf8").split("\n").filter(Boolean) : [];
  if (steps.length === 0) fail(tally, "nothing ran (no steps recorded)");
  for (const line of steps) {
    const [kind, name, ...rest] = line.split(" ");
    if (kind === "step") {
      if (rest[0] === "0") pass(tally, name);
      else fail(tally, `${name} (exit ${rest[0]})`);
    } else if (kind === "runner") addRunner(tally, dir, name, Number(rest[0]));
    else fail(tally, `${name}: ${rest.join(" ")}`);
  }
  return tally;
}

function addRunner(tally: Tally, dir: string, name: string, exit: number) {
  const file = path.join(dir, name === "unit" ? "vitest.json" : "playwright.json");
  const report = fs.existsSync(file) ? readJson(file) : null;
  if (!report) {
    fail(tally, `${name}: no report (the runner exited ${exit} before writing one)`);
    return;
  }
  const { passed, failed, problems, failures } = name === "unit" ? vitestCounts(report as VitestReport) : playwrightCounts(report as PlaywrightReport);
  if (exit !== 0 && failed + problems.length === 0) problems.push(`the runner exited ${exit} although no test failed (an unhandled error? see its output above)`);
  tally.passed += passed;
  tally.failed += failed + problems.length;
  tally.lines.push(`${failed + problems.length ? "✗" : "✓"} ${name}: ${passed} passed, ${failed + problems.length} failed`);
  for (const p of problems) tally.lines.push(`    ✗ ${p}`);
  for (const f of failures.slice(0, NAMED_FAILURES)) tally.lines.push(`    ✗ ${f}`);
  if (failures.length > NAMED_FAILURES) tally.lines.push(`    … and ${failures.length - NAMED_FAILURES} more (above)`);
}

function vitestCounts(r: VitestReport) {
  const problems: string[] = [];
  // A file that failed without a failed test: it threw on import or in a `describe` body.
  for (const file of r.testResults) {
    if (file.status === "failed" && !file.assertionResults.some((a) => a.status === "failed")) {
      problems.push(`${path.relative(process.cwd(), file.name)} did not run: ${firstLine(file.message) || "failed to load"}`);
    }
  }
  if (r.numTotalTests === 0) problems.push("no tests ran");
  const failures = r.testResults.flatMap((file) =>
    file.assertionResults.filter((a) => a.status === "failed").map((a) => `${path.relative(process.cwd(), file.name)} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`),
  );
  return { passed: r.numPassedTests, failed: r.numFailedTests, problems, failures };
}

function playwrightCounts(r: PlaywrightReport) {
  // Load errors, a web server that did not start, a forbidden `test.only`: the run's own errors.
  const problems = (r.errors ?? []).map((e) => firstLine(e.message) || "an error outside any test");
  const { expected, unexpected, flaky, skipped } = r.stats;
  if (expected + unexpected + flaky + skipped === 0 && problems.length === 0) problems.push("no tests ran");
  const failures = (r.suites ?? []).flatMap(specsOf).flatMap((spec) =>
    spec.tests.filter((t) => t.status === "unexpected").map((t) => `[${t.projectName ?? ""}] ${spec.file}:${spec.line} › ${spec.title}: ${firstLine(t.results?.at(-1)?.error?.message)}`),
  );
  return { passed: expected + flaky, failed: unexpected, problems, failures };
}

function specsOf(suite: PlaywrightSuite): PlaywrightSpec[] {
  return [...(suite.specs ?? []), ...(suite.suites ?? []).flatMap(specsOf)];
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8"));
  } catch {
    return null;
  }
}

function pass(tally: Tally, line: string) {
  tally.passed++;
  tally.lines.push(`✓ ${line}`);
}

function fail(tally: Tally, line: string) {
  tally.failed++;
  tally.lines.push(`✗ ${line}`);
}

const tally = summarize(process.argv[2] ?? "reports");
console.log(["", "── summary", ...tally.lines].join("\n"));
console.log(`${tally.passed} passed, ${tally.failed} failed`);
process.exit(tally.failed > 0 ? 1 : 0);
