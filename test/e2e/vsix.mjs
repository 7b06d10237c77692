// What the e2e suite checks in podflow.vsix. The zip reader itself is scripts/vsix.mjs (shared
// with `npm run package`, which reads the package back to report what it carries).
import { nativeBinaries, readVsix, targetPlatform } from '../../scripts/vsix.mjs';

export { nativeBinaries, readVsix, targetPlatform };

/**
 * Size budget of podflow.vsix: the bundles (about 0.65 MB compressed) plus one better-sqlite3
 * binary per runtime (about 1.1 MB compressed each; the .node is about 2.1 MB). 4 MB leaves room
 * for two runtimes (e.g. Electron and code-server's Node) and for the bundles to grow; a package
 * over it has picked up something .vscodeignore should keep out.
 */
export const VSIX_LIMIT_BYTES = 4 * 1024 * 1024;

/** Bundles in the package that are development builds (they end with a sourceMappingURL comment). */
export function developmentBundles(file) {
  return readVsix(file)
    .filter((e) => /^extension\/dist\/.*\.js$/.test(e.name))
    .filter((e) => /sourceMappingURL=/.test(e.read().subarray(-300).toString('utf8')))
    .map((e) => e.name);
}
