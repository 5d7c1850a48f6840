import js from "@eslint/js"
import tseslint from "typescript-eslint"
import globals from "globals"

export default tseslint.config(
  {
    ignores: ["node_modules/**", ".medusa/**", ".demo/**", ".cache/**", "dist/**", "coverage/**", "docs/**", "uploads/**", "static/**", ".test-results/**"],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.node },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "error",
      "no-console": "off",
    },
  },
  {
    files: ["src/admin/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["**/*.js", "**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // Test helpers mirror axios' loosely typed responses.
    files: ["integration-tests/**/*.ts", "**/__tests__/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  }
)
