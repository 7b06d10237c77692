/**
 * Token meter core: readers of AI coding agents' local logs (Codex CLI,
 * Claude Code, Gemini CLI), discovery of their sessions, and pricing.
 * Plain Node, no VS Code. Only counts, models, times and session ids come
 * out of here; prompt text is never kept.
 */
export * from './types';
export { type AgentLogReader, type ReaderOptions } from './baseReader';
export { CodexLogReader } from './codexReader';
export { ClaudeLogReader } from './claudeReader';
export { GeminiLogReader } from './geminiReader';
export { LogCursor, type CursorOptions, type ReadResult } from './logCursor';
export { SessionMeter, combineUsage, createReader, readAll } from './sessionMeter';
export { resolveLocations, type LogLocationSettings, type LogLocations } from './locations';
export {
  claudeProjectDirName,
  currentSessions,
  geminiProjectHash,
  groupSessions,
  isInsideFolder,
  listLogFiles,
  readSessionHeader,
  sessionsInFolder,
  type AgentSession,
  type ListOptions,
  type LogFile,
  type SessionHeader,
} from './discovery';
export {
  BUILTIN_PRICES,
  costOfCounts,
  findModelPrice,
  longContextThreshold,
  modelCost,
  sessionCost,
  type LongContextPrices,
  type ModelPrice,
  type PriceTable,
  type SessionCost,
  type TierPrices,
} from './pricing';
export { applyPriceOverrides, parsePriceOverrides, priceOverrideSchema, type PriceOverride, type PriceProblem } from './priceOverrides';
