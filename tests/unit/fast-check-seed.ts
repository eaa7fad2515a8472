import fc from "fast-check";

// Property tests run on a fixed seed, so every run of `npm test` tries the same inputs: CI cannot go
// red on a counterexample that no change produced, and a failure repeats. To look for new
// counterexamples, run them on other seeds and add what they find as plain cases:
//   FC_SEED=random npx vitest run tests/unit/robustness.test.ts     (prints the seed on failure)
const FIXED_SEED = 20261201;
const wanted = process.env.FC_SEED;
const seed = wanted === "random" ? Math.floor(Math.random() * 2 ** 31) : wanted ? Number(wanted) : FIXED_SEED;
if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer or "random", not ${JSON.stringify(wanted)}`);
fc.configureGlobal({ seed });
