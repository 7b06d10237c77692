import { lineRange } from '../documents/types';
import { agentsChain } from './agentsChain';
import { Rule } from './types';
import { isPointerFile } from './util';

/** A line of a code span or block that runs a build, test or task tool. */
export const COMMAND =
  /^\s*(?:\$\s+)?(?:[A-Z_]+=\S+\s+)*(?:npm|npx|pnpm|yarn|bun|bunx|deno|node|make|just|task|cargo|go|rustup|pytest|python3?|uv|uvx|poetry|pip3?|tox|nox|hatch|ruff|mypy|gradle|\.\/gradlew|gradlew|mvn|\.\/mvnw|dotnet|bundle|bundler|rake|rails|bin\/\S+|rspec|cmake|ctest|ninja|meson|mix|elixir|composer|php|phpunit|swift|xcodebuild|sbt|bazel|bazelisk|turbo|nx|lerna|docker|podman|flutter|dart|tsc|jest|vitest|mocha|playwright|zig|stack|cabal|lein|clojure|dune|opam|\.\/\S+|scripts\/\S+|sh|bash|pwsh)(?:\s|$)/;

export const agents003: Rule = {
  id: 'AGENTS003',
  name: 'no-command',
  description: 'No build or test command (in a code span or block) in this AGENTS.md or its parents: agents guess how to verify their work.',
  defaultSeverity: 'warning',
  appliesTo: ['agents'],
  fixable: false,
  check(ctx) {
    if (isPointerFile(ctx.doc.model)) return;
    for (const link of agentsChain(ctx)) {
      const model = link.doc?.model;
      if (!model) continue;
      if (model.codeSpans.some((s) => COMMAND.test(s.content))) return;
      if (model.codeBlocks.some((b) => b.content.split('\n').some((l) => COMMAND.test(l)))) return;
    }
    const line0 = ctx.doc.model.lines[0] ?? '';
    ctx.report(
      lineRange(0, 0, line0.length),
      ctx.doc.model.text.trim() === ''
        ? 'AGENTS.md is empty: say how to build and test the project.'
        : 'No build or test command found: add the exact commands (e.g. `npm test`) so agents can check their work.',
    );
  },
};
