const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

/**
 * Five test tiers as jest projects, run one after the other by
 * `npm test` (scripts/test.mjs):
 *   unit     pure functions: src/**\/__tests__/*.unit.spec.ts
 *   modules  module services on real PostgreSQL: src/modules/*\/__tests__/*.spec.ts
 *   http     the whole Medusa app over HTTP: integration-tests/http/*.spec.ts
 *   layout   the built app as server + worker on Redis: integration-tests/layout/*.spec.ts
 *   browser  Chromium driving the demo store: integration-tests/browser/*.spec.ts
 * and `npm run bench` runs the benchmarks in integration-tests/bench.
 */
const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", decorators: true, tsx: true },
        target: "es2021",
        transform: { react: { runtime: "automatic" } },
      },
    },
  ],
}

const common = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/.medusa/", "<rootDir>/.demo/"],
}

const withDatabase = {
  ...common,
  globalSetup: "<rootDir>/integration-tests/setup/global-setup.js",
  globalTeardown: "<rootDir>/integration-tests/setup/global-teardown.js",
  setupFiles: ["<rootDir>/integration-tests/setup/setup.js"],
}

module.exports = {
  projects: [
    {
      ...common,
      displayName: "unit",
      testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.[jt]s?(x)"],
    },
    {
      ...withDatabase,
      displayName: "modules",
      testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.[jt]s"],
      testPathIgnorePatterns: ["\\.unit\\.spec\\."],
    },
    {
      ...withDatabase,
      displayName: "http",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.[jt]s"],
    },
    {
      ...withDatabase,
      displayName: "layout",
      testMatch: ["<rootDir>/integration-tests/layout/**/*.spec.[jt]s"],
    },
    {
      ...common,
      displayName: "browser",
      testMatch: ["<rootDir>/integration-tests/browser/**/*.spec.[jt]s"],
      globalSetup: "<rootDir>/integration-tests/browser/global-setup.js",
      globalTeardown: "<rootDir>/integration-tests/browser/global-teardown.js",
    },
    {
      ...withDatabase,
      displayName: "bench",
      testMatch: ["<rootDir>/integration-tests/bench/**/*.bench.[jt]s"],
    },
  ],
}
