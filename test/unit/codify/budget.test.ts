import assert from 'node:assert/strict';
import { checkBudget, lineCount } from '../../../server/src/codify';
import { md } from '../helpers';

describe('codify: budget check', () => {
  it('counts lines as AGENTS002 does', () => {
    assert.equal(lineCount(''), 0);
    assert.equal(lineCount('a'), 1);
    assert.equal(lineCount('a\n'), 1);
    assert.equal(lineCount('a\r\nb\r\n'), 2);
    assert.equal(lineCount('a\n\n'), 2);
  });

  it('says when the new line takes the file over agents.maxLines', () => {
    const files = new Map([['AGENTS.md', md('# A', '- one', '- two')]]);
    const limits = { maxLines: 3, maxChainBytes: 1000 };
    const within = checkBudget('AGENTS.md', md('# A', '- one', '- two'), files, limits);
    assert.equal(within.pushesOverLines, false);
    const over = checkBudget('AGENTS.md', md('# A', '- one', '- two', '- three'), files, limits);
    assert.deepEqual([over.linesBefore, over.lines, over.maxLines, over.pushesOverLines, over.overLines], [3, 4, 3, true, true]);
    const already = checkBudget('AGENTS.md', md('# A', '- one', '- two', '- three', '- four'), new Map([['AGENTS.md', md('# A', '- one', '- two', '- three')]]), limits);
    assert.deepEqual([already.pushesOverLines, already.overLines], [false, true]);
  });

  it('says when the chain goes over agents.maxChainBytes, counting the chains of nested files too', () => {
    const files = new Map([
      ['AGENTS.md', 'a'.repeat(40)],
      ['pkg/AGENTS.md', 'b'.repeat(50)],
      ['other/AGENTS.md', 'c'.repeat(10)],
    ]);
    const limits = { maxLines: 300, maxChainBytes: 100 };
    // The root grows by 15 bytes: its own chain is 55, but pkg/'s is 105.
    const r = checkBudget('AGENTS.md', 'a'.repeat(55), files, limits);
    assert.deepEqual([r.chainBytesBefore, r.chainBytes, r.chainEnd, r.pushesOverChain, r.overChain], [90, 105, 'pkg/AGENTS.md', true, true]);
    const fine = checkBudget('other/AGENTS.md', 'c'.repeat(20), files, limits);
    assert.deepEqual([fine.chainBytesBefore, fine.chainBytes, fine.chainEnd, fine.pushesOverChain, fine.overChain], [50, 60, 'other/AGENTS.md', false, false]);
  });

  it('counts a new file in its folder\'s chain, with no lines before', () => {
    const files = new Map([['AGENTS.md', 'é'.repeat(30)]]); // 60 bytes of UTF-8
    const r = checkBudget('pkg/AGENTS.md', 'x'.repeat(41), files, { maxLines: 300, maxChainBytes: 100 });
    assert.deepEqual([r.linesBefore, r.lines, r.chainBytesBefore, r.chainBytes, r.pushesOverChain], [0, 1, 60, 101, true]);
  });
});
