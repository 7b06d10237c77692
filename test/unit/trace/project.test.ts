import assert from 'node:assert/strict';
import { Project } from '../../../server/src/project';
import { findingsOf, makeProject, md } from '../helpers';

const SPEC_A = 'specs/001-export/spec.md';
const SPEC_B = 'specs/002-import/spec.md';
const EXPORT_TEST = 'test/export.test.ts';
const IMPORT_TEST = 'test/import.test.ts';

const FILES: Record<string, string> = {
  [SPEC_A]: md('# Export', '', '## Requirements', '', '- **FR-001**: Export MUST write rows.', '- **FR-002**: Export MUST quote fields.'),
  [SPEC_B]: md('# Import', '', '## Requirements', '', '- **FR-001**: Import MUST read rows.', '- **FR-004**: Import MUST reject bad rows.'),
  [EXPORT_TEST]: md("it('001-export/FR-001 writes rows', () => {});", "it('FR-002 quotes', () => {});"),
  [IMPORT_TEST]: md("it('002-import/FR-001 reads rows', () => {});", "it('FR-004 rejects', () => {});"),
  'README.md': '# Not podflow\n',
};

/** Covered/total MUST counts per spec, e.g. { "specs/001-export/spec.md": "2/2" }. */
function coverage(project: Project): Record<string, string> {
  return Object.fromEntries(project.coverageSummary().specs.map((s) => [s.path, `${s.covered}/${s.total}`]));
}

const sorted = (paths: string[]): string[] => [...paths].sort();

describe('project: the trace index kept up to date', () => {
  it('indexes every spec and test file, and nothing else', () => {
    const { project } = makeProject(FILES);
    assert.deepEqual(sorted([...project.trace.specs.keys()]), [SPEC_A, SPEC_B]);
    assert.deepEqual(sorted([...project.trace.tests.keys()]), [EXPORT_TEST, IMPORT_TEST]);
    assert.equal(project.kindOf('README.md'), undefined);
    assert.equal(project.kindOf(EXPORT_TEST), 'test');
    assert.deepEqual(coverage(project), { [SPEC_A]: '2/2', [SPEC_B]: '2/2' });
  });

  it('excluded folders hold no test files; testGlobs adds layouts', () => {
    const { project } = makeProject({ ...FILES, 'vendor/x.test.ts': '// FR-001', 'checks/export_check.ts': '// FR-002' }, { exclude: ['vendor/**'], testGlobs: ['checks/**/*_check.ts'] });
    assert.equal(project.kindOf('vendor/x.test.ts'), undefined);
    assert.equal(project.kindOf('checks/export_check.ts'), 'test');
  });

  describe('update() after a spec changes', () => {
    it('a new spec: tests citing its ids are affected and lose their TRACE002', () => {
      const sync = 'test/sync.test.ts';
      const { project, ws } = makeProject({ ...FILES, [sync]: md("it('FR-005 syncs', () => {});") });
      assert.equal(findingsOf(project, sync, 'TRACE002').length, 1);
      const spec = 'specs/003-sync/spec.md';
      ws.files.set(spec, md('# Sync', '', '- **FR-005**: Sync MUST run hourly.'));
      assert.deepEqual(sorted(project.update(spec)), [spec, sync]);
      assert.deepEqual(project.findings(sync), []);
      assert.equal(coverage(project)[spec], '1/1');
    });

    it('an edited spec (live text): tests citing its old and new ids and specs sharing them are affected', () => {
      const { project } = makeProject(FILES);
      const live = FILES[SPEC_A].replace('**FR-002**', '**FR-003**');
      assert.deepEqual(sorted(project.update(SPEC_A, live)), [SPEC_A, SPEC_B, EXPORT_TEST, IMPORT_TEST]);
      assert.deepEqual([...project.trace.specs.get(SPEC_A)!.byId.keys()], ['FR-001', 'FR-003']);
      assert.deepEqual(
        findingsOf(project, EXPORT_TEST, 'TRACE002').map((f) => f.message),
        // FR-001 and FR-003 are equally close; the first defined wins.
        ['FR-002 is not defined in any spec; did you mean FR-001?'],
      );
      assert.equal(coverage(project)[SPEC_A], '1/2');
    });

    it('a deleted spec: it leaves the index, its tests are affected and their ids become unknown', () => {
      const { project, ws } = makeProject(FILES);
      ws.files.delete(SPEC_B);
      assert.deepEqual(sorted(project.update(SPEC_B)), [SPEC_A, SPEC_B, EXPORT_TEST, IMPORT_TEST]);
      assert.deepEqual([...project.trace.specs.keys()], [SPEC_A]);
      assert.deepEqual(
        project.findings(IMPORT_TEST).map((f) => `${f.ruleId} ${f.message}`),
        ['TRACE002 No spec is named "002-import" (in 002-import/FR-001).', 'TRACE002 FR-004 is not defined in any spec; did you mean FR-001?'],
      );
      assert.deepEqual(coverage(project), { [SPEC_A]: '2/2' });
    });

    it('a renamed spec folder (delete the old path, add the new): qualified references to the old name break', () => {
      const { project, ws } = makeProject(FILES);
      const renamed = 'specs/001-csv-export/spec.md';
      ws.files.set(renamed, ws.files.get(SPEC_A)!);
      ws.files.delete(SPEC_A);
      const affected = new Set([...project.update(SPEC_A), ...project.update(renamed)]);
      assert.deepEqual(sorted([...affected]), sorted([SPEC_A, renamed, SPEC_B, EXPORT_TEST, IMPORT_TEST]));
      assert.deepEqual(sorted([...project.trace.specs.keys()]), [renamed, SPEC_B]);
      assert.deepEqual(
        project.findings(EXPORT_TEST).map((f) => f.message),
        ['No spec is named "001-export" (in 001-export/FR-001).'],
      );
      assert.equal(coverage(project)[renamed], '1/2', 'FR-002 is still cited plainly; FR-001 only by its old qualified name');
    });
  });

  describe('update() after a test file changes', () => {
    it('a new test file: the specs it cites are affected', () => {
      const { project, ws } = makeProject({ ...FILES, [IMPORT_TEST]: md("it('FR-004 rejects', () => {});") });
      assert.equal(coverage(project)[SPEC_B], '1/2');
      const added = 'specs/002-import/tests/test_rows.py';
      ws.files.set(added, md('def test_rows():', '    """FR-001"""'));
      assert.deepEqual(sorted(project.update(added)), [SPEC_B, added]);
      assert.equal(coverage(project)[SPEC_B], '2/2');
    });

    it('an edited test file (live text): specs cited before and after are affected', () => {
      const { project } = makeProject(FILES);
      const live = md("it('001-export/FR-001 writes rows', () => {});", "it('002-import/FR-004 rejects', () => {});");
      assert.deepEqual(sorted(project.update(EXPORT_TEST, live)), [SPEC_A, SPEC_B, EXPORT_TEST]);
      assert.equal(coverage(project)[SPEC_A], '1/2');
      assert.deepEqual(
        findingsOf(project, SPEC_A, 'TRACE001').map((f) => f.message),
        ['FR-002 (MUST) is cited by no test: add a test that names FR-002.'],
      );
    });

    it('a test that stops running (it.skip) turns coverage into TRACE003', () => {
      const { project } = makeProject(FILES);
      assert.deepEqual(project.update(EXPORT_TEST, FILES[EXPORT_TEST].replace("it('FR-002", "it.skip('FR-002")).sort(), [SPEC_A, EXPORT_TEST]);
      assert.deepEqual(
        findingsOf(project, SPEC_A, 'TRACE003').map((f) => f.message),
        ['FR-002 (MUST) is cited only by 1 skipped test.'],
      );
    });

    it('a deleted test file: the specs it cited are affected and lose coverage', () => {
      const { project, ws } = makeProject(FILES);
      ws.files.delete(EXPORT_TEST);
      assert.deepEqual(sorted(project.update(EXPORT_TEST)), [SPEC_A, EXPORT_TEST]);
      assert.equal(project.trace.tests.has(EXPORT_TEST), false);
      assert.deepEqual(coverage(project), { [SPEC_A]: '0/2', [SPEC_B]: '2/2' });
    });

    it('a renamed test file (delete the old path, add the new): coverage follows it', () => {
      const { project, ws } = makeProject(FILES);
      const moved = 'specs/001-export/tests/export.test.ts';
      ws.files.set(moved, md("it('FR-001 writes rows', () => {});", "it('FR-002 quotes', () => {});"));
      ws.files.delete(EXPORT_TEST);
      assert.deepEqual(sorted(project.update(EXPORT_TEST)), [SPEC_A, EXPORT_TEST]);
      assert.deepEqual(sorted(project.update(moved)), [SPEC_A, moved]);
      assert.deepEqual(sorted([...project.trace.tests.keys()]), [moved, IMPORT_TEST]);
      assert.deepEqual(coverage(project), { [SPEC_A]: '2/2', [SPEC_B]: '2/2' }, 'inside 001-export, plain FR-001 means that feature');
    });

    it('a file podflow does not know affects only itself', () => {
      const { project } = makeProject(FILES);
      assert.deepEqual(project.update('README.md', '# changed'), ['README.md']);
      assert.deepEqual(project.findings('README.md'), []);
    });
  });

  describe('findings and coverageSummary', () => {
    it('a test file gets only trace findings; a spec gets lint and trace findings sorted by position', () => {
      const { project } = makeProject({
        [SPEC_A]: md('# Export', '', '- **FR-001**: Export must write rows.', '- **FR-002**: Export MUST quote fields quickly.'),
        [EXPORT_TEST]: md("it('FR-009', () => {});"),
      });
      // FR-001 says "must": it is no requirement, so no TRACE001 for it.
      assert.deepEqual(
        project.findings(SPEC_A).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.ruleId}`),
        ['0:0 SPEC008', '0:0 SPEC008', '0:0 SPEC008', '2:21 SPEC001', '3:4 TRACE001', '3:39 SPEC006'],
      );
      assert.deepEqual(project.findings(EXPORT_TEST).map((f) => f.ruleId), ['TRACE002']);
    });

    it('coverageSummary counts MUSTs per id, MUSTs without an id as uncovered, and notes skipped-only ones', () => {
      const spec = md(
        '# Export',
        '',
        '- **FR-001**: Export MUST write rows.',
        '- **FR-002**: Export MUST quote fields.',
        '  - Quoting MUST follow RFC 4180.',
        '- **FR-003**: Export SHOULD add a header.',
        '- Export MUST refuse an empty month.',
        '- **FR-004**: Export MUST NOT drop rows.',
      );
      const { project } = makeProject({ [SPEC_A]: spec, [EXPORT_TEST]: md("it('FR-001', () => {});", "it.skip('FR-004', () => {});", "it('FR-003', () => {});") });
      assert.deepEqual(project.coverageSummary(), {
        covered: 1,
        total: 4,
        specs: [
          {
            path: SPEC_A,
            covered: 1,
            total: 4,
            uncovered: [
              { id: 'FR-002', line: 3, text: '**FR-002**: Export MUST quote fields.', skippedOnly: false },
              { id: 'FR-004', line: 7, text: '**FR-004**: Export MUST NOT drop rows.', skippedOnly: true },
              { id: undefined, line: 6, text: 'Export MUST refuse an empty month.', skippedOnly: false },
            ],
          },
        ],
      });
      assert.deepEqual(project.coverageSummary((p) => p !== SPEC_A), { covered: 0, total: 0, specs: [] });
    });
  });
});
