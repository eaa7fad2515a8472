import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname, "src") } },
  test: {
    // TEST_UNIT_INCLUDE: the runner's own tests run fixture files through this same config.
    include: [process.env.TEST_UNIT_INCLUDE || "tests/unit/**/*.test.ts"],
    environment: "node",
    setupFiles: ["tests/unit/fast-check-seed.ts"],
  },
});
