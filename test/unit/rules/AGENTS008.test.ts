import assert from 'node:assert/strict';
import { applyFix, crlf, lintOne, md, rangeOf } from '../helpers';

const RULE = 'AGENTS008';

describe('AGENTS008 duplicate bullet', () => {
  it('flags an exact repeat in the same file and the fix removes the line', () => {
    const text = md('# A', '', '- Run the full test suite before pushing.', '- Keep commits small.', '- run the full test suite before pushing', '- Last one here.');
    const [f, ...rest] = lintOne(RULE, text, 'AGENTS.md');
    assert.equal(rest.length, 0);
    assert.deepEqual(rangeOf(f), [4, 0, 4, 40]);
    assert.equal(f.severity, 'warning');
    assert.equal(f.message, 'Duplicate bullet: repeats line 3.');
    assert.deepEqual(f.related?.map((r) => [r.path, rangeOf(r), r.message]), [['AGENTS.md', [2, 0, 2, 41], 'the earlier bullet']]);
    assert.equal(f.fix?.title, 'Remove the duplicate bullet');
    assert.equal(applyFix(text, f), md('# A', '', '- Run the full test suite before pushing.', '- Keep commits small.', '- Last one here.'));
  });

  it('flags a bullet that repeats one of a parent AGENTS.md, naming the parent', () => {
    const files = {
      'AGENTS.md': md('# Root', '', '- Never commit `.env` files.'),
      'api/AGENTS.md': md('# API', '', '* never commit .env files', '* Handlers live in `src/routes`.'),
    };
    const [f] = lintOne(RULE, files, 'api/AGENTS.md');
    assert.deepEqual(rangeOf(f), [2, 0, 2, 25]);
    assert.equal(f.message, 'Duplicate bullet: repeats AGENTS.md line 3.');
    assert.deepEqual(f.related?.map((r) => [r.path, rangeOf(r)]), [['AGENTS.md', [2, 0, 2, 28]]]);
    assert.equal(applyFix(files['api/AGENTS.md'], f), md('# API', '', '* Handlers live in `src/routes`.'));
  });

  it('flags a near-duplicate without offering a fix', () => {
    const text = md('- Always run the whole test suite before you push a branch.', '- Always run the whole test suite before you push any branch.');
    const [f] = lintOne(RULE, text, 'AGENTS.md');
    assert.deepEqual(rangeOf(f), [1, 0, 1, 61]);
    assert.equal(f.message, 'Near-duplicate bullet: repeats line 1.');
    assert.equal(f.fix, undefined);
  });

  it('offers no fix for a repeated bullet that spans several lines', () => {
    const text = md('- Keep the changelog up to date.', '- Keep the changelog', '  up to date.');
    const [f] = lintOne(RULE, text, 'AGENTS.md');
    assert.equal(f.message, 'Duplicate bullet: repeats line 1.');
    assert.equal(f.fix, undefined);
  });

  it('removes a CRLF line whole, and a last line without a newline', () => {
    const text = crlf(md('- Keep commits small please.', '- Keep commits small please.', '- Another item.'));
    const [f] = lintOne(RULE, text, 'AGENTS.md');
    assert.equal(applyFix(text, f), crlf(md('- Keep commits small please.', '- Another item.')));
    const last = '- Keep commits small please.\n- Keep commits small please.';
    const [g] = lintOne(RULE, last, 'AGENTS.md');
    assert.equal(applyFix(last, g), '- Keep commits small please.\n');
  });

  describe('does not fire', () => {
    it('on short bullets that legitimately repeat', () => {
      assert.deepEqual(lintOne(RULE, md('## A', '- Yes', '- N/A', '## B', '- Yes', '- N/A'), 'AGENTS.md'), []);
    });

    it('on different bullets, or paragraphs that repeat', () => {
      const text = md('- Run unit tests with `npm test`.', '- Run e2e tests with `npm run e2e`.', '', 'Repeat this paragraph text.', '', 'Repeat this paragraph text.');
      assert.deepEqual(lintOne(RULE, text, 'AGENTS.md'), []);
    });

    it('on a bullet that repeats one in a sibling folder (not a parent)', () => {
      const files = { 'web/AGENTS.md': md('- Never commit `.env` files.'), 'api/AGENTS.md': md('- Never commit `.env` files.') };
      assert.deepEqual(lintOne(RULE, files, 'api/AGENTS.md'), []);
    });
  });
});
