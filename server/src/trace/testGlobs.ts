/** Where tests live in the common layouts of each language (workspace-relative globs). */
export const DEFAULT_TEST_GLOBS = [
  // TypeScript / JavaScript: mocha, jest, vitest, node:test
  '**/*.{test,spec}.{ts,tsx,js,jsx,mjs,cjs,mts,cts}',
  '**/{test,tests,__tests__}/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}',
  // Python: pytest, unittest
  '**/test_*.py',
  '**/*_test.py',
  '**/tests/**/*.py',
  // Go
  '**/*_test.go',
  // Rust: integration tests and *_test.rs / tests.rs modules
  '**/tests/**/*.rs',
  '**/*_test.rs',
  '**/tests.rs',
  // Java / Kotlin: Maven and Gradle layouts
  '**/src/test/**/*.{java,kt,kts,groovy,scala}',
  '**/*{Test,Tests,Spec,IT}.{java,kt}',
  // Ruby: RSpec, minitest
  '**/spec/**/*_spec.rb',
  '**/test/**/*_test.rb',
];

/** Test result reports in JUnit XML. */
export const DEFAULT_JUNIT_GLOBS = ['**/junit*.xml', '**/test-results/**/*.xml', '**/TEST-*.xml'];
