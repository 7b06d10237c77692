import type { PodflowConfig } from '../config';
import { parseMarkdown } from '../documents/markdown';
import { headingTitle } from '../rules/util';
import { checkBudget } from './budget';
import { chainOf } from './chain';
import { findDuplicates } from './duplicates';
import { insertLearning, newAgentsFile, replaceWithLearning, SectionRef } from './edit';
import { normalizeLearning } from './learning';
import { sectionCandidates } from './sections';
import { targetCandidates } from './targets';
import type { AgentsFiles, BudgetCheck, CodifyEdit, CodifyLimits, DuplicateMatch, SectionCandidate, TargetCandidate } from './types';

export interface PlannedTarget extends TargetCandidate {
  /** Sections of this file, best guess first ("Learnings" only for a file to create). */
  sections: SectionCandidate[];
  /** Bullets of this file and its parents that say (nearly) the same as the learning. */
  duplicates: DuplicateMatch[];
}

export interface CodifyPlan {
  /** The learning as it will be written (one line, no list marker); empty when there is nothing to write. */
  learning: string;
  targets: PlannedTarget[];
}

/** Everything the "Codify learning" command offers for a learning typed with `activePath` open. */
export function planCodify(rawLearning: string, activePath: string | undefined, files: AgentsFiles): CodifyPlan {
  const learning = normalizeLearning(rawLearning);
  if (learning === '') return { learning, targets: [] };
  const targets = targetCandidates(activePath, files).map((t) => ({
    ...t,
    sections: sectionCandidates(files.get(t.path), learning),
    duplicates: findDuplicates(learning, t.path, files),
  }));
  return { learning, targets };
}

export interface CodifyRequest {
  /** The learning as typed; it is normalised here. */
  learning: string;
  /** The AGENTS.md to write to (existing, or one to create). */
  target: string;
  /** The section to write under (ignored for a file to create, and when replacing). */
  section: SectionRef;
  /** Replace this bullet (a near-duplicate in the target or a parent) instead of adding a line. */
  replace?: { path: string; line: number };
}

export interface CodifyResult {
  edit: CodifyEdit;
  /** Zero-based line of the learning's bullet in the text after the edit. */
  line: number;
  /** That line as it will read ("- Run the tests with node --test."): the preview. */
  lineText: string;
  /** Title of the heading the line ends up under ("" when none is above it): where it was recorded. */
  section: string;
  /** Budgets of the file the edit changes. */
  budget: BudgetCheck;
}

export function codifyLimits(config: Pick<PodflowConfig, 'agents.maxLines' | 'agents.maxChainBytes'>): CodifyLimits {
  return { maxLines: config['agents.maxLines'], maxChainBytes: config['agents.maxChainBytes'] };
}

/**
 * The edit that writes a learning: into a section of an existing AGENTS.md, as a
 * new AGENTS.md, or over a near-duplicate bullet; with the budgets after it.
 * Throws when the learning is empty or the section or line no longer exists in
 * the current text (the caller asks again).
 */
export function codifyEdit(request: CodifyRequest, files: AgentsFiles, limits: CodifyLimits): CodifyResult {
  const learning = normalizeLearning(request.learning);
  if (learning === '') throw new Error('The learning is empty.');
  let edit: CodifyEdit;
  if (request.replace) {
    const text = files.get(request.replace.path);
    if (text === undefined) throw new Error(`${request.replace.path} does not exist.`);
    edit = { path: request.replace.path, create: false, ...replaceWithLearning(text, request.replace.line, learning) };
  } else {
    const text = files.get(request.target);
    if (text === undefined) {
      // A new file takes the line endings of the nearest AGENTS.md above it.
      const parent = chainOf(request.target, files).slice(0, -1).pop();
      const eol = parent !== undefined && files.get(parent)?.includes('\r\n') ? '\r\n' : '\n';
      edit = { path: request.target, create: true, ...newAgentsFile(learning, eol) };
    } else {
      edit = { path: request.target, create: false, ...insertLearning(text, request.section, learning) };
    }
  }
  const line = learningLine(edit, learning);
  const lineText = edit.text.split('\n')[line]?.replace(/\r$/, '') ?? '';
  const heading = parseMarkdown(edit.text).headings.filter((h) => h.line < line).pop();
  const section = heading ? headingTitle(heading.text) : '';
  return { edit, line, lineText, section, budget: checkBudget(edit.path, edit.text, files, limits) };
}

/**
 * Where the learning's bullet is once the edit is applied: every edit here is one insertion or
 * replacement whose text ends with the learning (and at most a line break), so it is the line of
 * the edit's start plus the line breaks its text has before the learning.
 */
export function learningLine(edit: CodifyEdit, learning: string): number {
  const [first] = edit.edits;
  if (!first) throw new Error('The codify edit changes nothing.');
  const before = first.newText.slice(0, first.newText.lastIndexOf(learning));
  return first.range.start.line + (before.match(/\n/g)?.length ?? 0);
}
