import assert from 'node:assert/strict';
import { chainOf, targetCandidates } from '../../../server/src/codify';

const files = new Map([
  ['AGENTS.md', '# Root\n'],
  ['packages/AGENTS.md', '# Packages\n'],
  ['packages/api/agents.md', '# API\n'],
  ['docs/AGENTS.md', '# Docs\n'],
]);

function summary(active: string | undefined, f: ReadonlyMap<string, string> = files): string[] {
  return targetCandidates(active, f).map((t) => `${t.relation} ${t.path}${t.exists ? '' : ' (new)'}`);
}

describe('codify: target candidates', () => {
  it('offers the nearest AGENTS.md first, then its parents up to the root', () => {
    assert.deepEqual(summary('packages/api/src/routes.ts'), ['nearest packages/api/agents.md', 'parent packages/AGENTS.md', 'parent AGENTS.md', 'create packages/api/src/AGENTS.md (new)']);
  });

  it('offers no new file when the active file\'s folder has one', () => {
    assert.deepEqual(summary('packages/api/agents.md'), ['nearest packages/api/agents.md', 'parent packages/AGENTS.md', 'parent AGENTS.md']);
    assert.deepEqual(summary('README.md'), ['nearest AGENTS.md']);
  });

  it('skips folders without an AGENTS.md and ignores sibling folders', () => {
    assert.deepEqual(summary('packages/web/src/app.ts'), ['nearest packages/AGENTS.md', 'parent AGENTS.md', 'create packages/web/src/AGENTS.md (new)']);
  });

  it('offers a root AGENTS.md in a workspace without one, or without an active file', () => {
    assert.deepEqual(summary('src/index.ts', new Map()), ['create src/AGENTS.md (new)']);
    assert.deepEqual(summary(undefined, new Map()), ['create AGENTS.md (new)']);
    assert.deepEqual(summary(undefined), ['nearest AGENTS.md']);
    const [t] = targetCandidates('src/index.ts', new Map());
    assert.equal(t.label, 'src/AGENTS.md (create a new AGENTS.md in src/)');
  });

  it('prefers AGENTS.md over agents.md in one folder, as agents read them', () => {
    const both = new Map([
      ['AGENTS.md', ''],
      ['agents.md', ''],
    ]);
    assert.deepEqual(summary('x.ts', both), ['nearest AGENTS.md']);
  });

  it('chainOf gives the files an agent reads, root first, ending with the file itself', () => {
    assert.deepEqual(chainOf('packages/api/agents.md', files), ['AGENTS.md', 'packages/AGENTS.md', 'packages/api/agents.md']);
    assert.deepEqual(chainOf('packages/web/AGENTS.md', files), ['AGENTS.md', 'packages/AGENTS.md', 'packages/web/AGENTS.md']);
    assert.deepEqual(chainOf('AGENTS.md', files), ['AGENTS.md']);
  });
});
