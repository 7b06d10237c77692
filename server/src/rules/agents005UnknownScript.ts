import { lineRange } from '../documents/types';
import { ancestorsRel, dirnameRel } from '../workspace/workspace';
import { Rule, RuleContext } from './types';

interface CommandRef {
  tool: 'npm' | 'pnpm' | 'yarn' | 'bun' | 'make';
  name: string;
  /** `pnpm X`, `yarn X`, `bun X` without `run`: X may also be a binary of a dependency. */
  bare?: boolean;
  line: number;
  start: number;
  end: number;
}

// Sub-commands of the package managers that are not scripts.
const BUILTINS = new Set(
  'install i ci add remove rm uninstall un update up upgrade outdated exec dlx x create init publish pack link unlink rebuild prune audit why list ls info view config set get env store import fetch login logout whoami version help cache dedupe patch approve-builds setup global bin root doctor workspaces workspace plugin constraints npx node run-script run start restart stop install-test it explain fund search star owner team token access deprecate dist-tag edit explore shrinkwrap sbom query pkg ping hook org profile repo docs bugs completion'.split(
    ' ',
  ),
);
// Flags that point the command at another package: we cannot tell which one, so skip.
const TARGETING = /^(-C|--dir|--prefix|--cwd|-w|--workspace|--workspaces|-W|--filter|-F|-r|--recursive|--workspace-root|-f|--file|--makefile|--directory)(=|$)/;

/** Finds `npm run X`, `pnpm X`, `yarn X`, `bun run X`, `make X` in one command line. */
export function findCommands(text: string, line: number, offset: number): CommandRef[] {
  const out: CommandRef[] = [];
  const re = /(?:^|[\s;&|(`])(npm|pnpm|yarn|bun|make)((?:\s+[^\s;&|`)]+)+)/g;
  for (const m of text.matchAll(re)) {
    const tool = m[1] as CommandRef['tool'];
    const argsStart = m.index! + m[0].indexOf(m[1]) + m[1].length;
    const words: { w: string; at: number }[] = [];
    for (const a of m[2].matchAll(/\S+/g)) words.push({ w: a[0], at: argsStart + a.index! });
    let i = 0;
    let targeted = false;
    const skipFlags = (): void => {
      while (i < words.length && words[i].w.startsWith('-')) {
        if (TARGETING.test(words[i].w)) targeted = true;
        i++;
      }
    };
    skipFlags();
    if (targeted || i >= words.length) continue;
    let name: { w: string; at: number } | undefined;
    let script: string | undefined;
    let bare = false;
    if (tool === 'make') {
      if (/[=$<>]/.test(words[i].w)) continue;
      name = words[i];
    } else if (words[i].w === 'run' || words[i].w === 'run-script') {
      i++;
      skipFlags();
      if (targeted) continue;
      name = words[i];
    } else if (tool === 'npm') {
      if (words[i].w === 'test' || words[i].w === 't') {
        name = words[i];
        script = 'test'; // `npm t` is `npm test`
      }
    } else if (!BUILTINS.has(words[i].w)) {
      if (tool === 'bun' && /[./]/.test(words[i].w)) continue; // `bun file.ts`
      name = words[i];
      bare = true;
    } else if (words[i].w === 'test') {
      name = words[i];
    }
    if (!name || !/^[\w:.@/-]+$/.test(name.w) || /[<>{}$]/.test(name.w)) continue;
    // npm and make also read their own flags after the script or target (`npm run build -w web`, `make test -C api`);
    // pnpm, yarn and bun pass them on to the script.
    if (tool === 'npm' || tool === 'make') {
      const rest = words.slice(i + 1);
      const end = rest.findIndex((w) => w.w === '--');
      if (rest.slice(0, end < 0 ? rest.length : end).some((w) => TARGETING.test(w.w))) continue;
    }
    // Later words after the script name are its arguments; stop scanning this match.
    out.push({ tool, name: script ?? name.w, bare, line, start: offset + name.at, end: offset + name.at + name.w.length });
  }
  return out;
}

function nearest(ctx: RuleContext, names: string[]): string | undefined {
  const folders = ancestorsRel(dirnameRel(ctx.doc.path)).reverse();
  for (const f of folders) {
    for (const n of names) {
      const p = f === '' ? n : `${f}/${n}`;
      if (ctx.workspace.exists(p)) return p;
    }
  }
  return undefined;
}

/** Binaries that `pnpm X` / `yarn X` / `bun X` commonly run without a script of that name. */
const COMMON_BINARIES = new Set('tsx tsc ts-node vitest jest mocha eslint prettier biome oxlint turbo nx lerna vite next nuxt astro playwright cypress changeset knip wrangler prisma drizzle-kit tsup rollup webpack esbuild svelte-kit storybook husky lint-staged rimraf concurrently nodemon c8 nyc'.split(' '));

interface PackageInfo {
  scripts: Set<string>;
  /** Dependency names: `pnpm eslint` runs the binary of the `eslint` package. */
  deps: Set<string>;
}

function packageInfo(ctx: RuleContext, path: string): PackageInfo | undefined {
  const text = ctx.workspace.readText(path);
  if (text === undefined) return undefined;
  try {
    const pkg = JSON.parse(text) as { scripts?: Record<string, unknown>; dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown> };
    return { scripts: new Set(Object.keys(pkg.scripts ?? {})), deps: new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})]) };
  } catch {
    return undefined; // a broken package.json is not this rule's business
  }
}

export function makeTargets(text: string): Set<string> {
  const targets = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^([^\s#:=][^:=]*?)\s*::?(?!=)/.exec(line);
    if (m) for (const t of m[1].split(/\s+/)) if (t && !t.includes('%') && !t.includes('$')) targets.add(t);
    const phony = /^\.PHONY\s*:\s*(.*)$/.exec(line);
    if (phony) for (const t of phony[1].split(/\s+/)) if (t) targets.add(t);
  }
  return targets;
}

export const agents005: Rule = {
  id: 'AGENTS005',
  name: 'unknown-script',
  description: 'A command names an npm/pnpm/yarn script or make target that the nearest package.json or Makefile does not define.',
  defaultSeverity: 'warning',
  appliesTo: ['agents'],
  fixable: false,
  check(ctx) {
    const { model } = ctx.doc;
    const refs: CommandRef[] = [];
    for (const s of model.codeSpans) {
      const open = model.lines[s.line].indexOf(s.content, s.start);
      refs.push(...findCommands(s.content, s.line, open));
    }
    for (const b of model.codeBlocks) {
      if (b.lang && !/^(sh|bash|shell|console|zsh|shell-session|text|txt|)$/i.test(b.lang)) continue;
      for (let l = b.contentStartLine; l < b.endLine - (b.fenced ? 1 : 0); l++) {
        const line = model.lines[l] ?? '';
        if (/^\s*#/.test(line)) continue;
        refs.push(...findCommands(line, l, 0));
      }
    }
    if (refs.length === 0) return;
    let pkgPath: string | null | undefined;
    let pkg: PackageInfo | undefined;
    let makePath: string | null | undefined;
    let targets: Set<string> | undefined;
    for (const r of refs) {
      if (r.tool === 'make') {
        if (makePath === undefined) {
          makePath = nearest(ctx, ['Makefile', 'makefile', 'GNUmakefile']) ?? null;
          const text = makePath ? ctx.workspace.readText(makePath) : undefined;
          targets = text === undefined ? undefined : makeTargets(text);
        }
        if (makePath && targets && !targets.has(r.name)) {
          ctx.report(lineRange(r.line, r.start, r.end), `make target "${r.name}" is not defined in ${makePath}.`);
        }
        continue;
      }
      if (pkgPath === undefined) {
        pkgPath = nearest(ctx, ['package.json']) ?? null;
        pkg = pkgPath ? packageInfo(ctx, pkgPath) : undefined;
      }
      if (r.bare && pkg && (pkg.deps.has(r.name) || COMMON_BINARIES.has(r.name))) continue;
      if (pkgPath && pkg && !pkg.scripts.has(r.name)) {
        const known = [...pkg.scripts].slice(0, 8).join(', ');
        ctx.report(
          lineRange(r.line, r.start, r.end),
          `Script "${r.name}" is not defined in ${pkgPath}${known ? ` (it has: ${known})` : ' (it has no scripts)'}.`,
        );
      }
    }
  },
};
