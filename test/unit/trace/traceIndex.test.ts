import assert from 'node:assert/strict';
import { Project } from '../../../server/src/project';
import { specScope } from '../../../server/src/trace/traceIndex';
import { makeProject, md } from '../helpers';

const SPEC_A = 'specs/001-export/spec.md';
const SPEC_B = 'specs/002-import/spec.md';
const SPEC_2B = 'specs/2b-compilation-pipeline/spec.md';

/** Two spec-kit features that both restart at FR-001, as spec-kit does. */
const SPECS: Record<string, string> = {
  [SPEC_A]: md('# Export', '', '## Requirements', '', '- **FR-001**: Export MUST write rows.', '- **FR-002**: Export MUST quote fields.', '- **FR-003**: Export SHOULD add a header.'),
  [SPEC_B]: md('# Import', '', '## Requirements', '', '- **FR-001**: Import MUST read rows.', '- **FR-004**: Import MUST reject bad rows.'),
};

/** Every reference of a test file as `text -> resolution`. */
function resolved(project: Project, testPath: string): string[] {
  const scanned = project.trace.tests.get(testPath);
  assert.ok(scanned, `${testPath} is indexed as a test file`);
  return scanned.references.map((ref) => {
    const res = project.trace.resolve(ref, testPath);
    const parts = [
      ...res.targets.map((t) => `${t.spec}#${t.id}`),
      ...res.unknown.map((id) => `unknown ${id}`),
      ...res.ambiguous.map((a) => `ambiguous ${a.id} in ${a.specs.join(' + ')}`),
    ];
    return `${ref.text} -> ${parts.join(', ')}`;
  });
}

describe('trace/traceIndex', () => {
  describe('specScope', () => {
    it('is the feature folder for spec.md, requirements.md and design.md, else the file name', () => {
      assert.equal(specScope('specs/001-export/spec.md'), '001-export');
      assert.equal(specScope('.kiro/specs/auth/requirements.md'), 'auth');
      assert.equal(specScope('docs/auth.spec.md'), 'auth');
      assert.equal(specScope('SPEC.md'), 'SPEC');
      assert.equal(specScope('packages/api/SPEC.md'), 'api');
    });
  });

  describe('resolution', () => {
    it('an id only one spec defines resolves to it, wherever the test is', () => {
      const { project } = makeProject({ ...SPECS, 'test/a.test.ts': md("it('FR-002 and FR-004', () => {});") });
      assert.deepEqual(resolved(project, 'test/a.test.ts'), [`FR-002 -> ${SPEC_A}#FR-002`, `FR-004 -> ${SPEC_B}#FR-004`]);
    });

    it('an id two specs define is ambiguous outside their feature folders', () => {
      const { project } = makeProject({ ...SPECS, 'test/a.test.ts': md("it('FR-001', () => {});") });
      assert.deepEqual(resolved(project, 'test/a.test.ts'), [`FR-001 -> ambiguous FR-001 in ${SPEC_A} + ${SPEC_B}`]);
    });

    it('a test inside a feature folder means that feature (scoped)', () => {
      const { project } = makeProject({
        ...SPECS,
        'specs/002-import/tests/test_import.py': md('def test_rows():', '    """FR-001"""'),
        'packages/x/001-export/export.test.ts': md("it('FR-001', () => {});"),
      });
      assert.deepEqual(resolved(project, 'specs/002-import/tests/test_import.py'), [`FR-001 -> ${SPEC_B}#FR-001`]);
      assert.deepEqual(resolved(project, 'packages/x/001-export/export.test.ts'), [`FR-001 -> ${SPEC_A}#FR-001`]);
    });

    it('a qualified id resolves to the spec it names: folder, folder number or file name', () => {
      const { project } = makeProject({
        ...SPECS,
        'docs/auth.spec.md': md('# Auth', '', '- **FR-001**: Login MUST work.'),
        'specs/002-import/test_x.py': md('# 001-export/FR-001 002/FR-001 auth/FR-001 003-nope/FR-001 001-export/FR-004'),
      });
      assert.deepEqual(resolved(project, 'specs/002-import/test_x.py'), [
        `001-export/FR-001 -> ${SPEC_A}#FR-001`,
        `002/FR-001 -> ${SPEC_B}#FR-001`,
        'auth/FR-001 -> docs/auth.spec.md#FR-001',
        '003-nope/FR-001 -> unknown FR-001',
        '001-export/FR-004 -> unknown FR-004',
      ]);
    });

    it('a prefixed id resolves to the spec whose folder starts with the prefix (case-insensitive)', () => {
      const { project } = makeProject({
        ...SPECS,
        [SPEC_2B]: md('# Compilation', '', '- **FR-001**: System MUST compile.'),
        'tests/test_compile.py': md('@pytest.mark.requirement("2B-FR-001")', 'def test_compile():', '    # 2b-FR-001, 3A-FR-001', '    pass'),
      });
      assert.deepEqual(resolved(project, 'tests/test_compile.py'), [`2B-FR-001 -> ${SPEC_2B}#FR-001`, `2b-FR-001 -> ${SPEC_2B}#FR-001`, '3A-FR-001 -> unknown FR-001']);
    });

    it('trace.specPrefixes maps a prefix to a spec folder, a spec path or a scope', () => {
      const files = {
        ...SPECS,
        'specs/009-catalog/spec.md': md('# Catalog', '', '- **FR-001**: Catalog MUST list.'),
        'tests/test_catalog.py': md('# 9C-FR-001 / 1X-FR-002 / 2I-FR-004 / 2B-FR-001'),
      };
      const { project } = makeProject(files, {
        'trace.specPrefixes': { '9C': 'specs/009-catalog', '1X': SPEC_A, '2I': '002-import', '2B': 'specs/001-export/' },
      });
      assert.deepEqual(resolved(project, 'tests/test_catalog.py'), [
        '9C-FR-001 -> specs/009-catalog/spec.md#FR-001',
        `1X-FR-002 -> ${SPEC_A}#FR-002`,
        `2I-FR-004 -> ${SPEC_B}#FR-004`,
        `2B-FR-001 -> ${SPEC_A}#FR-001`,
      ]);
    });

    it('Kiro references resolve to implicit ids (### Requirement 5 + criterion 2 = 5.2), scoped like any id', () => {
      const kiro = (title: string): string =>
        md(
          `# ${title}`,
          '',
          '### Requirement 5',
          '',
          '#### Acceptance Criteria',
          '',
          '1. WHEN a user saves, THE System SHALL store the file.',
          '2. WHEN a user cancels, THE System SHALL discard the edits.',
          '3. THE System SHOULD keep a backup.',
        );
      const { project } = makeProject(
        {
          '.kiro/specs/editor/requirements.md': kiro('Editor'),
          '.kiro/specs/viewer/requirements.md': kiro('Viewer'),
          '.kiro/specs/editor/tests/save.test.ts': md('/** **Validates: Requirements 5.1, 5.2** */', "it('saves', () => {});"),
          'test/viewer.test.ts': md("it('Requirement 5.3', () => {});"),
        },
        { specGlobs: ['**/.kiro/specs/*/requirements.md'] },
      );
      assert.deepEqual(resolved(project, '.kiro/specs/editor/tests/save.test.ts'), [
        'Requirements 5.1, 5.2 -> .kiro/specs/editor/requirements.md#5.1, .kiro/specs/editor/requirements.md#5.2',
      ]);
      assert.deepEqual(resolved(project, 'test/viewer.test.ts'), [
        'Requirement 5.3 -> ambiguous 5.3 in .kiro/specs/editor/requirements.md + .kiro/specs/viewer/requirements.md',
      ]);
      const entry = project.trace.specs.get('.kiro/specs/editor/requirements.md')!;
      assert.deepEqual(
        [...entry.byId.values()].map((r) => `${r.id} ${r.level}`),
        ['5.1 must', '5.2 must', '5.3 should'],
      );
    });

    it('a range resolves each id it spans; ids no spec defines are unknown', () => {
      const { project } = makeProject({ [SPEC_A]: SPECS[SPEC_A], 'test/a.test.ts': md('// FR-001 to FR-003', "it('FR-002..FR-005', () => {});") });
      assert.deepEqual(resolved(project, 'test/a.test.ts'), [
        `FR-001 to FR-003 -> ${SPEC_A}#FR-001, ${SPEC_A}#FR-002, ${SPEC_A}#FR-003`,
        `FR-002..FR-005 -> ${SPEC_A}#FR-002, ${SPEC_A}#FR-003, unknown FR-004, unknown FR-005`,
      ]);
    });

    it('ids a spec defines without a keyword (headings) can be cited; they are not counted', () => {
      const spec = md('# Objects', '', '### FR-1: Object Management', '', '- **FR-1.1**: Names MUST be unique.');
      const { project } = makeProject({ 'SPEC.md': spec, 'tests/test_objects.py': md('# FR-1, FR-1.1') });
      assert.deepEqual(resolved(project, 'tests/test_objects.py'), ['FR-1 -> SPEC.md#FR-1', 'FR-1.1 -> SPEC.md#FR-1.1']);
      assert.deepEqual([...project.trace.specs.get('SPEC.md')!.byId.keys()], ['FR-1.1']);
      assert.equal(project.trace.coverageOf('SPEC.md', 'FR-1'), undefined);
    });
  });

  describe('coverage', () => {
    it('counts references from running tests as covering and from skipped tests as skipped', () => {
      const { project } = makeProject({
        ...SPECS,
        'specs/001-export/export.test.ts': md("it('FR-001 rows', () => {});", "it.skip('FR-002 quoting', () => {});", "it('FR-001 again', () => {});"),
      });
      const c1 = project.trace.coverageOf(SPEC_A, 'FR-001')!;
      const c2 = project.trace.coverageOf(SPEC_A, 'FR-002')!;
      assert.deepEqual(c1.covering.map((c) => c.ref.test?.name), ['FR-001 rows', 'FR-001 again']);
      assert.deepEqual(c1.skipped, []);
      assert.deepEqual(c2.covering, []);
      assert.deepEqual(c2.skipped.map((c) => c.ref.test?.name), ['FR-002 quoting']);
      assert.deepEqual(project.trace.coverageOf(SPEC_B, 'FR-001')!.covering, [], 'the test sits in 001-export: it does not cover 002-import');
    });

    it('an ambiguous reference covers neither spec', () => {
      const { project } = makeProject({ ...SPECS, 'test/a.test.ts': md("it('FR-001', () => {});") });
      assert.equal(project.trace.coverageOf(SPEC_A, 'FR-001')!.covering.length, 0);
      assert.equal(project.trace.coverageOf(SPEC_B, 'FR-001')!.covering.length, 0);
    });

    it('specsDefining and testsMentioning', () => {
      const { project } = makeProject({ ...SPECS, 'test/a.test.ts': md("it('001-export/FR-001', () => {});"), 'test/b.test.ts': md('// FR-004') });
      assert.deepEqual(project.trace.specsDefining('FR-001').sort(), [SPEC_A, SPEC_B]);
      assert.deepEqual(project.trace.testsMentioning('FR-001'), ['test/a.test.ts']);
      assert.deepEqual(project.trace.testsMentioning('FR-004'), ['test/b.test.ts']);
    });
  });
});
