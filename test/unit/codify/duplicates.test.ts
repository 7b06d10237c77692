import assert from 'node:assert/strict';
import { findDuplicates, nearSimilarity } from '../../../server/src/codify';
import { md } from '../helpers';

const files = new Map([
  ['AGENTS.md', md('# Root', '', '- Never commit secrets or `.env` files.', '- Run the full test suite before pushing a branch.', '', '```sh', '- Keep commits small.', '```')],
  ['api/AGENTS.md', md('# API', '', '* Keep commits small.', '* Handlers validate input with zod', '  before touching the database.')],
  ['web/AGENTS.md', md('# Web', '', '- Keep commits small.')],
]);

function found(learning: string, target: string): string[] {
  return findDuplicates(learning, target, files).map((d) => `${d.kind} ${d.path}:${d.line} ${d.similarity.toFixed(2)} ${d.text}`);
}

describe('codify: duplicate detection', () => {
  it('finds an exact duplicate (normalised as AGENTS008 does) in the target', () => {
    assert.deepEqual(found('keep commits small', 'api/AGENTS.md'), ['exact api/AGENTS.md:2 1.00 * Keep commits small.']);
  });

  it('finds duplicates in the parent chain, not in sibling folders or code blocks', () => {
    assert.deepEqual(found('Never commit secrets or .env files', 'api/AGENTS.md'), ['exact AGENTS.md:2 1.00 - Never commit secrets or `.env` files.']);
    assert.deepEqual(found('Keep commits small.', 'AGENTS.md'), []);
  });

  it('finds a near-duplicate by token overlap and by edit distance, best first', () => {
    assert.deepEqual(found('Run the full test suite before pushing any branch.', 'api/AGENTS.md'), ['near AGENTS.md:3 0.96 - Run the full test suite before pushing a branch.']);
    // The same words in another order: far by edit distance, equal as a set of tokens.
    assert.deepEqual(found('Before pushing a branch, run the full test suite.', 'api/AGENTS.md'), ['near AGENTS.md:3 1.00 - Run the full test suite before pushing a branch.']);
    assert.deepEqual(found('Handlers validate input with zod before touching the db.', 'api/AGENTS.md'), ['near api/AGENTS.md:3 0.90 * Handlers validate input with zod']);
  });

  it('searches the parents of a file still to be created', () => {
    assert.deepEqual(found('Keep commits small', 'api/v2/AGENTS.md'), ['exact api/AGENTS.md:2 1.00 * Keep commits small.']);
  });

  it('does not call different lessons duplicates', () => {
    assert.deepEqual(found('Run the linter before pushing a branch.', 'api/AGENTS.md'), []);
    assert.deepEqual(found('Keep PRs small.', 'api/AGENTS.md'), []);
    assert.deepEqual(found('', 'api/AGENTS.md'), []);
  });

  it('nearSimilarity: thresholds, and short texts are never near', () => {
    assert.equal(nearSimilarity('keep it short', 'keep it shorter'), 0.8666666666666667);
    assert.equal(nearSimilarity('run tests', 'run testz'), undefined);
    assert.equal(nearSimilarity('always use the staging database for tests', 'never use the production database for tests'), undefined);
  });
});
