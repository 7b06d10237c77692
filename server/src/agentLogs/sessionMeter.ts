import { AgentLogReader, ReaderOptions } from './baseReader';
import { ClaudeLogReader } from './claudeReader';
import { CodexLogReader } from './codexReader';
import { AgentSession, LogFile } from './discovery';
import { GeminiLogReader } from './geminiReader';
import { AgentKind, ModelUsage, SessionUsage, addCounts, emptyCounts, emptyModelUsage } from './types';

export function createReader(agent: AgentKind, file: string, options: ReaderOptions = {}): AgentLogReader {
  switch (agent) {
    case 'codex':
      return new CodexLogReader(file, options);
    case 'claude':
      return new ClaudeLogReader(file, options);
    case 'gemini':
      return new GeminiLogReader(file, options);
  }
}

/**
 * One session's usage over several files (a main log and its sub-agent logs):
 * models summed, time range widened, the context of the latest request.
 * The main (first) part names the session.
 */
export function combineUsage(parts: readonly SessionUsage[]): SessionUsage {
  if (!parts.length) throw new Error('combineUsage needs at least one part');
  const main = parts.find((p) => !p.subagent) ?? parts[0];
  const models: Record<string, ModelUsage> = {};
  const out: SessionUsage = { ...main, models, malformedLines: 0 };
  delete out.context;
  for (const p of parts) {
    out.malformedLines += p.malformedLines;
    for (const [name, m] of Object.entries(p.models)) {
      const t = (models[name] ??= emptyModelUsage());
      addCounts(t, m);
      t.requests += m.requests;
      if (m.longContext) addCounts((t.longContext ??= emptyCounts()), m.longContext);
    }
    if (p.firstTimestamp && (!out.firstTimestamp || Date.parse(p.firstTimestamp) < Date.parse(out.firstTimestamp))) out.firstTimestamp = p.firstTimestamp;
    if (p.lastTimestamp && (!out.lastTimestamp || Date.parse(p.lastTimestamp) > Date.parse(out.lastTimestamp))) {
      out.lastTimestamp = p.lastTimestamp;
    }
    // The context bar follows the main conversation; a sub-agent's own window says little about it.
    if (p.context && (p === main || !main.context) && (!out.context || (p.context.timestamp ?? '') >= (out.context.timestamp ?? ''))) {
      out.context = { ...p.context };
      out.lastModel = p.lastModel;
    }
  }
  if (!out.context && main.lastModel) out.lastModel = main.lastModel;
  return out;
}

/**
 * Keeps one reader per file of a session and reads only what each file
 * gained since the last `update()`. Files can be added as sub-agents appear.
 */
export class SessionMeter {
  private readonly readers = new Map<string, AgentLogReader>();

  constructor(
    readonly agent: AgentKind,
    files: readonly string[] = [],
    private readonly options: ReaderOptions = {},
  ) {
    for (const f of files) this.addFile(f);
  }

  static of(session: AgentSession, options: ReaderOptions = {}): SessionMeter {
    return new SessionMeter(session.agent, session.files, options);
  }

  addFile(file: string): void {
    if (!this.readers.has(file)) this.readers.set(file, createReader(this.agent, file, this.options));
  }

  get files(): string[] {
    return [...this.readers.keys()];
  }

  update(): SessionUsage {
    return combineUsage([...this.readers.values()].map((r) => r.update()));
  }
}

/** Reads each file whole, once (a full scan): one SessionUsage per file. */
export function readAll(files: readonly LogFile[], options: ReaderOptions = {}): SessionUsage[] {
  return files.map((f) => createReader(f.agent, f.file, options).update());
}
