// Entry bundled on the fly by bench/lint.mjs (esbuild JS API) into .bench/lintEntry.cjs,
// so the benchmark runs podflow's real linter code from server/src.
export { Linter } from '../server/src/lint/linter';
export { DiskWorkspace } from '../server/src/workspace/diskWorkspace';
export { DEFAULT_CONFIG } from '../server/src/config';
