/** "Codify learning": turns a lesson into a line of the right AGENTS.md. Pure functions, no editor. */
export { checkBudget, lineCount } from './budget';
export { AGENTS_NAMES, agentsFileIn, chainOf } from './chain';
export { codifyEdit, codifyLimits, learningLine, planCodify } from './codify';
export type { CodifyPlan, CodifyRequest, CodifyResult, PlannedTarget } from './codify';
export { findDuplicates, nearSimilarity } from './duplicates';
export { insertLearning, newAgentsFile, replaceWithLearning } from './edit';
export type { EditResult, SectionRef } from './edit';
export { learningFromSelection, normalizeLearning } from './learning';
export { concepts, LEARNINGS_TITLE, sectionCandidates, sectionScore } from './sections';
export { targetCandidates } from './targets';
export type * from './types';
export { MemoryLearningStore, openLearningStore, SqliteLearningStore } from './learningStore';
export type { LearningQuery, LearningRecord, LearningStore, StoredLearning } from './learningStore';
export { findGitDirs, gitHead, packedRef, requirementIdAt } from './provenance';
export type { GitDirs, GitFiles, Selection } from './provenance';
export { findLearningLine } from './locateLearning';
