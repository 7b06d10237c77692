import type { PodflowConfig } from '../config';
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
  return { edit, budget: checkBudget(edit.path, edit.text, files, limits) };
}
