import { splitId } from '../documents/ids';
import { Level } from '../documents/keywords';
import { Requirement } from '../documents/requirements';
import { LintDocument } from '../rules/types';
import { dirnameRel } from '../workspace/workspace';
import { ReferenceMatcher } from './references';
import { scanTestFile, ScannedTestFile, TestReference } from './testScanner';

/** One requirement id in one spec: what a test covers and a code lens sits on. */
export interface TracedRequirement {
  spec: string;
  id: string;
  level: Level;
  /** The requirement that carries the id (first one when sub-items inherit it). */
  anchor: Requirement;
  keyword: string;
  text: string;
}

/** A MUST without an id: it cannot be cited, so it counts as uncovered. */
export interface UnidentifiedRequirement {
  spec: string;
  requirement: Requirement;
}

export interface SpecEntry {
  path: string;
  /** Feature folder name ("002-export"), or the file name without ".md" for a spec at the root. */
  scope: string;
  doc: LintDocument;
  byId: Map<string, TracedRequirement>;
  /** Ids defined without a keyword (e.g. `### FR-1: Objects` heading): referable, not counted. */
  definedIds: Set<string>;
  unidentified: UnidentifiedRequirement[];
}

export interface Resolution {
  targets: { spec: string; id: string }[];
  /** Ids no spec defines. */
  unknown: string[];
  /** Ids that two or more specs define and nothing disambiguates: the candidate specs. */
  ambiguous: { id: string; specs: string[] }[];
}

export interface Coverage {
  requirement: TracedRequirement;
  /** References from tests that run. */
  covering: { path: string; ref: TestReference }[];
  /** References only from skipped tests. */
  skipped: { path: string; ref: TestReference }[];
}

const LEVEL_RANK: Record<Level, number> = { must: 3, should: 2, may: 1 };

export function specScope(path: string): string {
  const dir = dirnameRel(path);
  const base = path.split('/').pop()!.replace(/\.md$/i, '');
  if (dir === '') return base;
  const folder = dir.split('/').pop()!;
  // `specs/002-export/spec.md` is scoped by its folder; `docs/auth.spec.md` by its name.
  return /^spec$/i.test(base) || /^(requirements|design)$/i.test(base) ? folder : base.replace(/\.spec$/i, '');
}

function buildSpecEntry(path: string, doc: LintDocument): SpecEntry {
  const byId = new Map<string, TracedRequirement>();
  const unidentified: UnidentifiedRequirement[] = [];
  for (const r of doc.requirements.requirements) {
    if (r.id === undefined) {
      if (r.level === 'must' && r.block.kind !== 'heading') unidentified.push({ spec: path, requirement: r });
      continue;
    }
    const existing = byId.get(r.id);
    if (existing) {
      if (LEVEL_RANK[r.level] > LEVEL_RANK[existing.level]) existing.level = r.level;
      continue;
    }
    byId.set(r.id, { spec: path, id: r.id, level: r.level, anchor: r, keyword: r.keywords[0].keyword, text: r.text });
  }
  const definedIds = new Set(doc.requirements.definitions.map((d) => d.id));
  return { path, scope: specScope(path), doc, byId, definedIds, unidentified };
}

/**
 * Requirements of every spec and references of every test file, kept up to
 * date one file at a time, so an edit costs one file's work.
 */
export class TraceIndex {
  readonly specs = new Map<string, SpecEntry>();
  readonly tests = new Map<string, ScannedTestFile>();
  /** id -> specs that define it. */
  private readonly specsById = new Map<string, Set<string>>();
  /** id -> test files that mention it (before resolution). */
  private readonly testsById = new Map<string, Set<string>>();
  private coverageCache: Map<string, Coverage> | undefined;
  /**
   * Per test file, what `coverage()` needs from `resolve()`: each reference that
   * resolves, with the coverage keys of its targets. Valid while the file's scan is
   * the same object and no spec defining one of its ids changes.
   */
  private readonly resolutions = new Map<string, FileResolution>();
  /** id -> test files whose entry in `resolutions` depends on it. */
  private readonly resolutionsById = new Map<string, Set<string>>();
  /** `specsForQualifier` results, until a spec comes, goes or changes. */
  private readonly qualifierCache = new Map<string, string[]>();
  /** Every defined id grouped by prefix ("FR-" -> [...]), until a spec changes. */
  private idsByPrefixCache: Map<string, string[]> | undefined;

  constructor(
    private readonly matcher: ReferenceMatcher,
    /** Configured prefixes: "2B" -> spec path or folder. */
    private readonly prefixes: Readonly<Record<string, string>> = {},
  ) {}

  setSpec(path: string, doc: LintDocument | undefined): void {
    const old = this.specs.get(path);
    if (old) for (const id of this.idsOf(old)) this.specsById.get(id)?.delete(path);
    if (!doc) this.specs.delete(path);
    else {
      const entry = buildSpecEntry(path, doc);
      this.specs.set(path, entry);
      for (const id of this.idsOf(entry)) {
        let set = this.specsById.get(id);
        if (!set) this.specsById.set(id, (set = new Set()));
        set.add(path);
      }
    }
    // A reference resolves through the set of specs defining each of its ids (and
    // their scopes, which a path fixes), so only test files citing an id this spec
    // starts or stops defining need resolving again; an edit that keeps the ids, none.
    const before = old ? this.idsOf(old) : new Set<string>();
    const after = doc ? this.idsOf(this.specs.get(path)!) : new Set<string>();
    for (const id of [...before].filter((i) => !after.has(i)).concat([...after].filter((i) => !before.has(i)))) {
      const files = this.resolutionsById.get(id);
      if (files) for (const f of [...files]) this.forgetResolution(f);
    }
    this.qualifierCache.clear();
    this.idsByPrefixCache = undefined;
    this.coverageCache = undefined;
  }

  /** Ids any spec defines with this prefix (splitId's "FR-"), for unknown-id checks and suggestions. */
  idsWithPrefix(prefix: string): readonly string[] {
    if (!this.idsByPrefixCache) {
      this.idsByPrefixCache = new Map();
      for (const [id, specs] of this.specsById) {
        if (specs.size === 0) continue;
        const p = splitId(id).prefix;
        const list = this.idsByPrefixCache.get(p);
        if (list) list.push(id);
        else this.idsByPrefixCache.set(p, [id]);
      }
    }
    return this.idsByPrefixCache.get(prefix) ?? [];
  }

  setTest(path: string, text: string | undefined): void {
    const old = this.tests.get(path);
    if (old) for (const r of old.references) for (const id of r.ids) this.testsById.get(id)?.delete(path);
    this.forgetResolution(path);
    if (text === undefined) this.tests.delete(path);
    else {
      const scanned = scanTestFile(text, path, this.matcher);
      this.tests.set(path, scanned);
      for (const r of scanned.references) {
        for (const id of r.ids) {
          let set = this.testsById.get(id);
          if (!set) this.testsById.set(id, (set = new Set()));
          set.add(path);
        }
      }
    }
    this.coverageCache = undefined;
  }

  private idsOf(entry: SpecEntry): Set<string> {
    return new Set([...entry.byId.keys(), ...entry.definedIds]);
  }

  /** Specs a qualifier ("002-export", "002", "2B") names. */
  specsForQualifier(qualifier: string): string[] {
    let specs = this.qualifierCache.get(qualifier);
    if (!specs) this.qualifierCache.set(qualifier, (specs = this.findSpecsForQualifier(qualifier)));
    return [...specs];
  }

  private findSpecsForQualifier(qualifier: string): string[] {
    const q = qualifier.toLowerCase();
    const configured = Object.entries(this.prefixes).find(([p]) => p.toLowerCase() === q)?.[1];
    const out: string[] = [];
    for (const s of this.specs.values()) {
      const scope = s.scope.toLowerCase();
      if (configured !== undefined) {
        if (s.path === configured || dirnameRel(s.path) === configured.replace(/\/$/, '') || s.scope === configured) out.push(s.path);
      } else if (scope === q || scope.startsWith(`${q}-`)) {
        out.push(s.path);
      }
    }
    return out;
  }

  resolve(ref: TestReference, testPath: string): Resolution {
    const res: Resolution = { targets: [], unknown: [], ambiguous: [] };
    for (const id of ref.ids) {
      const defining = [...(this.specsById.get(id) ?? [])];
      let candidates = defining;
      if (ref.qualifier !== undefined) {
        const named = new Set(this.specsForQualifier(ref.qualifier));
        candidates = defining.filter((s) => named.has(s));
      } else if (defining.length > 1) {
        // A test inside a feature folder means that feature's spec.
        const segments = new Set(testPath.toLowerCase().split('/'));
        const own = defining.filter((s) => segments.has(this.specs.get(s)!.scope.toLowerCase()));
        if (own.length === 1) candidates = own;
      }
      if (candidates.length === 0) res.unknown.push(id);
      else if (candidates.length > 1) res.ambiguous.push({ id, specs: candidates.sort() });
      else res.targets.push({ spec: candidates[0], id });
    }
    return res;
  }

  /** Specs that define an id. */
  specsDefining(id: string): string[] {
    return [...(this.specsById.get(id) ?? [])];
  }

  /** Test files that mention an id in any form (cheap pre-filter). */
  testsMentioning(id: string): string[] {
    return [...(this.testsById.get(id) ?? [])];
  }

  /** Coverage of every identified requirement, keyed by `spec#id`. */
  coverage(): Map<string, Coverage> {
    if (this.coverageCache) return this.coverageCache;
    const map = new Map<string, Coverage>();
    for (const s of this.specs.values()) {
      for (const r of s.byId.values()) map.set(key(s.path, r.id), { requirement: r, covering: [], skipped: [] });
    }
    // Same order as resolving every reference of every file afresh, but only files that
    // changed since the last call (or cite an id whose defining specs changed) are resolved again.
    for (const [path, scanned] of this.tests) {
      for (const { ref, keys } of this.resolutionOf(path, scanned).resolved) {
        for (const k of keys) {
          const c = map.get(k);
          if (!c) continue;
          if (ref.test?.skipped) c.skipped.push({ path, ref });
          else c.covering.push({ path, ref });
        }
      }
    }
    this.coverageCache = map;
    return map;
  }

  /** The cached resolution of a test file's references, made afresh when its scan changed. */
  private resolutionOf(path: string, scanned: ScannedTestFile): FileResolution {
    const cached = this.resolutions.get(path);
    if (cached?.scanned === scanned) return cached;
    if (cached) this.forgetResolution(path);
    const entry: FileResolution = { scanned, resolved: [], ids: new Set() };
    for (const ref of scanned.references) {
      for (const id of ref.ids) entry.ids.add(id);
      const { targets } = this.resolve(ref, path);
      if (targets.length) entry.resolved.push({ ref, keys: targets.map((t) => key(t.spec, t.id)) });
    }
    this.resolutions.set(path, entry);
    for (const id of entry.ids) {
      let set = this.resolutionsById.get(id);
      if (!set) this.resolutionsById.set(id, (set = new Set()));
      set.add(path);
    }
    return entry;
  }

  private forgetResolution(path: string): void {
    const entry = this.resolutions.get(path);
    if (!entry) return;
    this.resolutions.delete(path);
    for (const id of entry.ids) {
      const set = this.resolutionsById.get(id);
      set?.delete(path);
      if (set?.size === 0) this.resolutionsById.delete(id);
    }
  }

  coverageOf(spec: string, id: string): Coverage | undefined {
    return this.coverage().get(key(spec, id));
  }
}

interface FileResolution {
  scanned: ScannedTestFile;
  /** References with at least one target, in order, with `key(spec, id)` of each target. */
  resolved: { ref: TestReference; keys: string[] }[];
  /** Every id the file's references name: a spec starting or stopping to define one of them invalidates this. */
  ids: Set<string>;
}

export function key(spec: string, id: string): string {
  return `${spec}#${id}`;
}
