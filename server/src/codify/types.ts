import type { TextEdit } from '../rules/types';

/**
 * The workspace's AGENTS.md files: workspace-relative path ("packages/api/AGENTS.md")
 * to current text (an open editor's unsaved buffer where there is one).
 */
export type AgentsFiles = ReadonlyMap<string, string>;

/** Where a learning can go. */
export interface TargetCandidate {
  /** Workspace-relative path of the AGENTS.md ("AGENTS.md" at the root). */
  path: string;
  /** `nearest`: the AGENTS.md an agent reads last for the active file; `parent`: one above it; `create`: a new file. */
  relation: 'nearest' | 'parent' | 'create';
  /** False for `create`. */
  exists: boolean;
  /** One line for a picker: "packages/api/AGENTS.md (nearest)". */
  label: string;
}

/** A section of the target file a learning can go under. */
export interface SectionCandidate {
  /** Heading title as written (inline markup kept), or "Learnings" for a section to create. */
  title: string;
  /** Heading level; for a section to create, the level it will get. */
  level: number;
  /** Zero-based line of the heading; undefined for a section to create at the end of the file. */
  line: number | undefined;
  /** How well the heading fits the learning: 2 per word it shares, 1 per word of the same topic (synonyms); 0 when none. */
  score: number;
  create: boolean;
}

/** A bullet already in the target file or its parent chain that says (nearly) the same. */
export interface DuplicateMatch {
  path: string;
  /** Zero-based line where the bullet's text starts. */
  line: number;
  /** That line, as written. */
  text: string;
  /** `exact`: the same after normalisation (offer skip); `near`: similar (offer skip or replace). */
  kind: 'exact' | 'near';
  /** 1 for exact matches; token Jaccard or Levenshtein ratio for near ones. */
  similarity: number;
}

/** AGENTS001 / AGENTS002 budgets after the edit. */
export interface BudgetCheck {
  /** Line count of the target file before and after (as AGENTS002 counts). */
  linesBefore: number;
  lines: number;
  maxLines: number;
  /** True when the edit takes the file from within the line budget to over it. */
  pushesOverLines: boolean;
  /** True when the file is over the line budget after the edit (whether or not it was before). */
  overLines: boolean;
  /**
   * Bytes of the largest AGENTS.md chain (root to a folder) that holds the target,
   * before and after: a parent file counts in the chains of every nested file below it.
   */
  chainBytesBefore: number;
  chainBytes: number;
  /** The AGENTS.md that ends that largest chain. */
  chainEnd: string;
  maxChainBytes: number;
  pushesOverChain: boolean;
  overChain: boolean;
}

/** The text edit that writes a learning into one AGENTS.md. */
export interface CodifyEdit {
  path: string;
  /** True when the file does not exist yet: the edits insert its whole text into an empty document. */
  create: boolean;
  /** LSP-style edits against the current text (zero-based lines, UTF-16 columns). */
  edits: TextEdit[];
  /** The full text after the edits. */
  text: string;
}

export interface CodifyLimits {
  maxLines: number;
  maxChainBytes: number;
}
