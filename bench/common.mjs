// Helpers shared by the benchmarks: statistics, formatting, bundling an entry.
import * as path from 'node:path';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

export const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Bundles a bench entry (TypeScript calling podflow's real code) to a CommonJS file. */
export async function bundleEntry(repo, entry, outfile) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [path.join(repo, 'bench', entry)],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    logLevel: 'warning',
    external: ['vscode'],
  });
}
