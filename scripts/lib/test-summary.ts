// Adds up the test reports of `npm test` and prints the closing "N passed, N failed" line.
// Exit code 1 when anything failed or a runner left no report.
import fs from "node:fs";
import path from "node:path";

const dir = process.argv[2] ?? "reports";
const read = (name: string): Record<string, unknown> | null => {
  const file = path.join(dir, name);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, "utf8")) : null;
};

let passed = 0;
let failed = 0;
const lines: string[] = [];

for (const line of fs.readFileSync(path.join(dir, "steps.txt"), "utf8").trim().split("\n")) {
  const [result, ...name] = line.split(" ");
  if (result === "pass") passed++;
  else failed++;
  lines.push(`${result === "pass" ? "✓" : "✗"} ${name.join(" ")}`);
}

const vitest = read("vitest.json") as { numPassedTests: number; numFailedTests: number; numTotalTests: number } | null;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  lines.push(`${vitest.numFailedTests ? "✗" : "✓"} unit: ${vitest.numPassedTests} passed, ${vitest.numFailedTests} failed`);
} else {
  failed++;
  lines.push("✗ unit: no report (vitest did not run)");
}

const pw = read("playwright.json") as { stats: { expected: number; unexpected: number; flaky: number } } | null;
if (pw) {
  passed += pw.stats.expected + pw.stats.flaky;
  failed += pw.stats.unexpected;
  lines.push(`${pw.stats.unexpected ? "✗" : "✓"} browser: ${pw.stats.expected + pw.stats.flaky} passed, ${pw.stats.unexpected} failed`);
} else if (!lines.some((l) => l.includes("browser-tests"))) {
  failed++;
  lines.push("✗ browser: no report (playwright did not run)");
}

console.log(["", "── summary", ...lines].join("\n"));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
