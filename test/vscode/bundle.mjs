// Bundles the in-VS-Code test suite (test/vscode/suite) into one CommonJS file that
// --extensionTestsPath can load: mocha and the shared e2e helpers are bundled in,
// only `vscode` stays external (the extension host provides it).
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Writes the bundle to `outFile` and returns its path. */
export async function bundleSuite(outFile) {
  await esbuild.build({
    entryPoints: [path.join(here, 'suite', 'index.ts')],
    outfile: outFile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'error',
  });
  return outFile;
}
