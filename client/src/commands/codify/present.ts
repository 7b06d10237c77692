/**
 * What the Codify learning commands show, as plain data: picker rows, the preview before anything
 * is written, the rows of the learnings list. No `vscode` import, so it is tested in plain Node.
 * The request and result shapes are the server's own (type-only imports, erased from the bundle).
 */
import type { DuplicateMatch, PlannedTarget, SectionCandidate } from '../../../../server/src/codify';
import type { CodifyEditResult } from '../../../../server/src/features/codifyFeature';
import type { ListedLearning } from '../../../../server/src/features/learningsFeature';

export const TITLE = 'Codify learning';

export interface Row {
  label: string;
  description?: string;
  detail?: string;
}

/** A row of the target picker: the path, then what it is. */
export function targetRow(t: PlannedTarget): Row {
  const description =
    t.relation === 'nearest'
      ? 'nearest to the active file'
      : t.relation === 'parent'
        ? 'parent'
        : t.path.includes('/')
          ? 'create a nested AGENTS.md in this folder'
          : 'create AGENTS.md at the workspace root';
  // Duplicates come best first, from the file and its parents.
  const [dup] = t.duplicates;
  const detail = dup ? `${dup.kind === 'exact' ? 'already said' : 'nearly said'} in ${dup.path}:${dup.line + 1}` : undefined;
  return detail ? { label: t.path, description, detail } : { label: t.path, description };
}

/** A row of the section picker: the heading title, the best guess and a section to create marked. */
export function sectionRow(s: SectionCandidate, first: boolean): Row {
  const notes: string[] = [];
  if (first && s.score > 0) notes.push('best guess');
  if (s.create) notes.push('new section at the end of the file');
  return notes.length ? { label: s.title, description: notes.join(', ') } : { label: s.title };
}

export type Choice = 'add' | 'replace' | 'skip';

export interface Preview {
  /** Modal message (one sentence) and its detail (the preview, notes and warnings). */
  message: string;
  detail: string;
  /** Button labels with what each means, in order; Cancel is added by VS Code. */
  buttons: { label: string; choice: Choice }[];
  /** Shown as a warning (a duplicate or a budget exceeded) rather than information. */
  warning: boolean;
}

const n = (x: number): string => x.toLocaleString('en-US');

/** Budget warnings for an edit: AGENTS002 (lines of the file) and AGENTS001 (bytes of the chain). */
export function budgetNotes(r: CodifyEditResult): string[] {
  const b = r.budget;
  const out: string[] = [];
  if (b.pushesOverLines) out.push(`Warning: ${r.path} grows to ${n(b.lines)} lines, over the ${n(b.maxLines)}-line budget (AGENTS002).`);
  else if (b.overLines) out.push(`Note: ${r.path} is already over the ${n(b.maxLines)}-line budget (${n(b.lines)} lines, AGENTS002).`);
  const chain = b.chainEnd === r.path ? `the AGENTS.md chain ending at ${r.path}` : `the AGENTS.md chain ending at ${b.chainEnd}`;
  if (b.pushesOverChain) out.push(`Warning: ${chain} grows to ${n(b.chainBytes)} bytes, over the ${n(b.maxChainBytes)}-byte budget agents read (AGENTS001).`);
  else if (b.overChain) out.push(`Note: ${chain} is already over the ${n(b.maxChainBytes)}-byte budget (${n(b.chainBytes)} bytes, AGENTS001).`);
  return out;
}

/**
 * The preview before anything is written: the line and where it goes; the (near-)duplicate in the
 * file or its parents, with Skip / Replace / Add anyway; budget warnings.
 */
export function previewOf(add: CodifyEditResult, duplicate: DuplicateMatch | undefined, replace: CodifyEditResult | undefined): Preview {
  const where = add.section ? ` under "${add.section}"` : '';
  const lines = [`${add.path}, line ${add.line + 1}:`, add.lineText];
  const notes = budgetNotes(add);
  if (!duplicate) {
    return { message: `Add this line to ${add.path}${where}?`, detail: [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n'), buttons: [{ label: 'Add', choice: 'add' }], warning: notes.some((l) => l.startsWith('Warning')) };
  }
  const at = `${duplicate.path}, line ${duplicate.line + 1}`;
  const dupNote =
    duplicate.kind === 'exact'
      ? [`Already there: ${at} says the same:`, duplicate.text.trim()]
      : [`Nearly the same as ${at}:`, duplicate.text.trim()];
  const replaceNote = replace && duplicate.kind === 'near' ? ['', `Replace changes that line to:`, replace.lineText, ...budgetNotes(replace).filter((l) => l.startsWith('Warning'))] : [];
  const buttons: Preview['buttons'] = [{ label: 'Skip', choice: 'skip' }];
  if (replace && duplicate.kind === 'near') buttons.push({ label: 'Replace', choice: 'replace' });
  buttons.push({ label: 'Add anyway', choice: 'add' });
  return {
    message: duplicate.kind === 'exact' ? `${add.path} or a parent already has this learning.` : `${add.path} or a parent has a line much like this learning.`,
    detail: [...dupNote, '', `Add anyway puts it at ${add.path}${where}, line ${add.line + 1}:`, add.lineText, ...replaceNote, ...(notes.length ? ['', ...notes] : [])].join('\n'),
    buttons,
    warning: true,
  };
}

/** "just now", "5 min ago", "3 h ago", "yesterday", else the local date. */
export function ago(ms: number, now: number): string {
  const s = Math.max(0, Math.round((now - ms) / 1000));
  if (s < 60) return 'just now';
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  if (s < 2 * 86_400) return 'yesterday';
  const d = new Date(ms);
  const pad = (x: number) => String(x).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A row of "Show codified learnings": the learning, where it is, and where it came from. */
export function learningRow(l: ListedLearning, now: number): Row {
  const provenance = [
    ago(l.createdMs, now),
    l.section ? `under "${l.section}"` : undefined,
    l.sourceFile ? `from ${l.sourceFile}` : undefined,
    l.commitSha ? `at ${l.commitSha.slice(0, 7)}` : undefined,
    l.requirementId,
    l.found ? undefined : 'no longer in the file',
  ].filter((x): x is string => !!x);
  return { label: l.text, description: `${l.target}:${l.currentLine + 1}`, detail: provenance.join(' · ') };
}
