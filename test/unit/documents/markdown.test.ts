import assert from 'node:assert/strict';
import { parseMarkdown, splitLines } from '../../../server/src/documents/markdown';
import { crlf, md } from '../helpers';

describe('documents/markdown', () => {
  it('splits lines on LF and CRLF and remembers the line end', () => {
    assert.deepEqual(splitLines('a\r\nb\nc'), ['a', 'b', 'c']);
    const lf = parseMarkdown(md('# A', 'b'));
    assert.equal(lf.eol, '\n');
    assert.deepEqual(lf.lines, ['# A', 'b', '']);
    const w = parseMarkdown(crlf(md('# A', 'b')));
    assert.equal(w.eol, '\r\n');
    assert.deepEqual(w.lines, ['# A', 'b', '']);
    assert.deepEqual(w.masked, ['# A', 'b', '']);
  });

  describe('headings', () => {
    const m = parseMarkdown(md('# Title', '', '## One', 'text', '### One.a', '## Two', '', 'Setext', '------', '', '```bash', '# not a heading', '```'));

    it('lists ATX and setext headings with levels, lines and parents, never shell comments in code', () => {
      assert.deepEqual(
        m.headings.map((h) => [h.level, h.text, h.line, h.parent?.text]),
        [
          [1, 'Title', 0, undefined],
          [2, 'One', 2, 'Title'],
          [3, 'One.a', 4, 'One'],
          [2, 'Two', 5, 'Title'],
          [2, 'Setext', 7, 'Title'],
        ],
      );
      assert.deepEqual(m.headings[0].children.map((h) => h.text), ['One', 'Two', 'Setext']);
    });

    it('ends a section at the next heading of the same or higher level', () => {
      assert.deepEqual(
        m.headings.map((h) => h.sectionEnd),
        [m.lines.length, 5, 5, 7, m.lines.length],
      );
    });
  });

  describe('list items', () => {
    const m = parseMarkdown(md('- [ ] task', '  1. sub one', '  2) sub two', '- [x] done', '* [X] Done too', '', '3. third', '- [] not a box', '- [ ]'));

    it('records depth, order, number, checkbox and parent', () => {
      assert.deepEqual(
        m.listItems.map((i) => [i.startLine, i.endLine, i.depth, i.ordered, i.number, i.checkbox, i.parent?.startLine]),
        [
          [0, 3, 0, false, undefined, ' ', undefined],
          [1, 2, 1, true, '1', undefined, 0],
          [2, 3, 1, true, '2', undefined, 0],
          [3, 4, 0, false, undefined, 'x', undefined],
          [4, 6, 0, false, undefined, 'x', undefined],
          [6, 7, 0, true, '3', undefined, undefined],
          [7, 8, 0, false, undefined, undefined, undefined],
          [8, 9, 0, false, undefined, ' ', undefined],
        ],
      );
    });

    it('ties paragraphs to the item they open and the item they sit in', () => {
      const n = parseMarkdown(md('- first', '', '  second paragraph', '  - nested'));
      assert.deepEqual(
        n.blocks.map((b) => [b.text, b.listItem?.startLine, b.enclosingItem?.startLine]),
        [
          ['first', 0, 0],
          ['second paragraph', undefined, 0],
          ['nested', 3, 3],
        ],
      );
    });
  });

  describe('blocks', () => {
    it('gives headings, paragraphs and table rows with lines, text and section', () => {
      const m = parseMarkdown(md('# Spec', '', 'Para line one', 'line two', '', '## Reqs', '', '| Id | Text |', '|----|------|', '| FR-1 | a |', '| FR-2 | b |', '', '> quoted', '> more'));
      assert.deepEqual(
        m.blocks.map((b) => [b.kind, b.startLine, b.endLine, b.text, b.section?.text, b.headingLevel, b.tableRowIndex, b.quote]),
        [
          ['heading', 0, 1, 'Spec', undefined, 1, undefined, undefined],
          ['paragraph', 2, 4, 'Para line one\nline two', 'Spec', undefined, undefined, undefined],
          ['heading', 5, 6, 'Reqs', 'Spec', 2, undefined, undefined],
          ['tableRow', 7, 8, 'Id | Text', 'Reqs', undefined, 0, undefined],
          ['tableRow', 9, 10, 'FR-1 | a', 'Reqs', undefined, 1, undefined],
          ['tableRow', 10, 11, 'FR-2 | b', 'Reqs', undefined, 2, undefined],
          ['paragraph', 12, 14, 'quoted\nmore', 'Reqs', undefined, undefined, [12, 14]],
        ],
      );
      assert.deepEqual(m.blocks[4].table, { startLine: 7, endLine: 11, header: 'Id | Text' });
    });
  });

  describe('code', () => {
    const m = parseMarkdown(md('Intro `a MUST b` and ``x ` y`` end', '', '```sh title', 'npm test', '```', '', '    indented MUST', '', '~~~', 'unclosed'));

    it('records fenced and indented blocks with language and content lines', () => {
      assert.deepEqual(
        m.codeBlocks.map((c) => [c.startLine, c.endLine, c.fenced, c.lang, c.content, c.contentStartLine]),
        [
          [2, 5, true, 'sh', 'npm test\n', 3],
          [6, 7, false, '', 'indented MUST\n', 6],
          [8, 10, true, '', 'unclosed\n', 9], // an unclosed fence runs to the end
        ],
      );
    });

    it('records code spans with columns and trimmed content', () => {
      assert.deepEqual(
        m.codeSpans.map((s) => [s.line, s.start, s.end, s.content]),
        [
          [0, 6, 16, 'a MUST b'],
          [0, 21, 30, 'x ` y'],
        ],
      );
    });

    it('blanks code (keeping columns) in the masked lines', () => {
      assert.equal(m.masked[0], `Intro ${' '.repeat(10)} and ${' '.repeat(9)} end`);
      assert.equal(m.masked[0].length, m.lines[0].length);
      assert.deepEqual(m.masked.slice(2, 7), ['           ', '        ', '   ', '', '                 ']);
      assert.equal(m.masked[9], '        ');
    });
  });

  describe('comments', () => {
    it('collects single- and multi-line HTML comments and blanks them', () => {
      const m = parseMarkdown(md('a <!-- podflow-disable SPEC001 --> b <!-- x -->', '<!--', ' podflow-enable', '-->tail', '`<!-- not a comment -->`'));
      assert.deepEqual(m.comments, [
        { line: 0, text: 'podflow-disable SPEC001' },
        { line: 0, text: 'x' },
        { line: 1, text: 'podflow-enable' },
      ]);
      assert.equal(m.masked[0], `a ${' '.repeat(32)} b ${' '.repeat(10)}`);
      assert.deepEqual(m.masked.slice(1, 4), ['    ', '               ', '   tail']);
    });

    it('ignores comments inside fenced code', () => {
      assert.deepEqual(parseMarkdown(md('```html', '<!-- podflow-disable -->', '```')).comments, []);
    });
  });

  describe('links', () => {
    it('finds inline links, images and reference definitions with the target range', () => {
      const m = parseMarkdown(md('See [a](docs/a.md "T"), ![i](img.png) and [b](<b c.md>).', '', '[docs/guide.md]: docs/guide.md', '  [x]: <./x.md> "title"'));
      assert.deepEqual(
        m.links.map((l) => [l.target, l.line, l.start, l.end]),
        [
          ['docs/a.md', 0, 8, 17],
          ['img.png', 0, 29, 36],
          ['docs/guide.md', 2, 17, 30],
          ['./x.md', 3, 8, 14],
        ],
      );
    });

    it('skips links in code', () => {
      assert.deepEqual(parseMarkdown(md('`[a](b.md)`', '```', '[c](d.md)', '```')).links, []);
    });
  });

  describe('front matter', () => {
    it('parses it, records key lines, and blanks it for the rest of the model', () => {
      const m = parseMarkdown(md('---', 'status: draft', 'owner: qe', '---', '# Title'));
      assert.deepEqual(m.frontMatter?.data, { status: 'draft', owner: 'qe' });
      assert.equal(m.frontMatter?.endLine, 3);
      assert.deepEqual([...(m.frontMatter?.keyLines ?? [])], [
        ['status', 1],
        ['owner', 2],
      ]);
      assert.deepEqual(m.masked.slice(0, 4), ['', '', '', '']);
      assert.deepEqual(m.headings.map((h) => [h.text, h.line]), [['Title', 4]]);
    });

    it('closes with "..." and works with CRLF', () => {
      const m = parseMarkdown(crlf(md('---', 'a: 1', '...', 'text')));
      assert.deepEqual(m.frontMatter?.data, { a: 1 });
      assert.equal(m.frontMatter?.endLine, 2);
    });

    it('reports YAML errors with file lines', () => {
      const m = parseMarkdown(md('---', 'a: 1', 'b: [', '---'));
      assert.equal(m.frontMatter?.data, undefined);
      assert.equal(m.frontMatter?.errors[0].line, 2);
    });

    it('is absent without a closing fence or when not on line 0', () => {
      assert.equal(parseMarkdown(md('---', 'a: 1')).frontMatter, undefined);
      assert.equal(parseMarkdown(md('', '---', 'a: 1', '---')).frontMatter, undefined);
    });
  });

  it('keeps exact columns with CRLF input', () => {
    const m = parseMarkdown(crlf(md('# T', '', 'x `code` [l](t.md) <!-- c -->')));
    assert.deepEqual(m.codeSpans.map((s) => [s.line, s.start, s.end]), [[2, 2, 8]]);
    assert.deepEqual(m.links.map((l) => [l.line, l.start, l.end]), [[2, 13, 17]]);
    assert.deepEqual(m.comments, [{ line: 2, text: 'c' }]);
  });
});
