import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject } from '../helpers';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CORPUS_B = path.resolve(REPO_ROOT, '..', 'shared', 'corpus', 'B');

/**
 * MUST counts of the real specs in ../shared/corpus/B, written down by reading
 * each file (MUST, MUST NOT, SHALL, SHALL NOT and REQUIRED, in capitals, outside
 * code; keyword mentions and keyword definitions are not requirements).
 *
 * `statements` counts normative sentences. `requirements` counts requirements:
 * one per id, per tracey marker, or per list item / paragraph without an id.
 * podflow counts requirements, because that is what a test cites and what a
 * code lens sits on: a test naming FR-014 covers both of FR-014's sentences.
 * Where the two counts differ, `why` lists the requirements holding several
 * MUST sentences.
 */
const EXPECTED: { file: string; statements: number; requirements: number; why: string }[] = [
  {
    file: '0xBigBoss__silo__SPEC.md',
    statements: 0,
    requirements: 0,
    why: 'A reference manual with no RFC 2119 keyword in capitals; its two lower-case "must"s are not normative (RFC 8174).',
  },
  {
    file: 'Fission-AI__OpenSpec__openspec__specs__cli-list__spec.md',
    statements: 8,
    requirements: 8,
    why: 'One SHALL under Purpose and one under each of the seven "### Requirement:" headings; scenarios use no keywords. No ids.',
  },
  {
    file: 'Obsidian-Owl__floe__specs__2b-compilation-pipeline__spec.md',
    statements: 15,
    requirements: 14,
    why: 'FR-001..FR-014 are MUSTs; FR-014 holds two MUST sentences (environment-agnostic; digest promotable across environments).',
  },
  {
    file: 'Xerilium__catalyst__.xe__features__error-handling__spec.md',
    statements: 8,
    requirements: 8,
    why: 'Eight `FR:x.y` bullets with MUST (error-policy.pascal-cased is a SHOULD); `FR:` ids do not match the id pattern, so all eight count as MUSTs without an id.',
  },
  {
    file: 'bearcove__tracey__crates__tracey__skill__references__tracey-spec.md',
    statements: 294,
    requirements: 285,
    why:
      '285 r[...] markers carry a MUST/MUST NOT ("(MUST, not MUST NOT)" in the nomenclature is a mention). Seven hold two MUST sentences ' +
      '(ref.prefix.coverage+2, ref.prefix.filter+2, config.optional, config.spec.prefix+2, config.impl.test_include.extraction, ' +
      'dashboard.editing.keyboard.next-uncovered, dashboard.editing.keyboard.prev-uncovered) and lsp.rename.validation lists three ' +
      'MUST bullets: 285 + 7 + 2 = 294. (code-unit.nested.smallest restates its rule in a "For example" sentence: not counted twice.)',
  },
  {
    file: 'bramburn__bigcontext__specs__002-for-the-next__spec.md',
    statements: 12,
    requirements: 12,
    why: 'FR-001..FR-012, one MUST each.',
  },
  {
    file: 'joernpreuss__SAVT__specs__spec__REQUIREMENTS.md',
    statements: 0,
    requirements: 0,
    why: 'Requirements are phrased "Users can ..." and "must" only in lower case (SPEC001 flags those): nothing normative.',
  },
  {
    file: 'staneslevski__kiro-autonomous-build__.kiro__specs__multi-state-requirements-generation__requirements.md',
    statements: 81,
    requirements: 81,
    why:
      '12 requirements x 5 SHALL criteria = 60, 17 SHALL bullets under Non-Functional Requirements, 4 MUST constraints. ' +
      'The "- **SHALL**: Indicates a mandatory requirement" line under Document Conventions defines the keyword: not a requirement.',
  },
];

describe('trace: MUST counts of the real-world specs (corpus B)', () => {
  before(function () {
    if (!fs.existsSync(CORPUS_B)) {
      console.log(`    (skipped: no corpus at ${CORPUS_B}; it comes with the shared/ folder beside the repository)`);
      this.skip();
    }
  });

  it('covers every spec in the corpus', () => {
    assert.deepEqual(fs.readdirSync(CORPUS_B).filter((f) => f.endsWith('.md')).sort(), EXPECTED.map((e) => e.file).sort());
  });

  for (const e of EXPECTED) {
    it(`${e.file}: ${e.requirements} MUST requirements`, () => {
      const spec = `specs/${e.file.replace(/\.md$/, '')}/spec.md`;
      const { project } = makeProject({ [spec]: fs.readFileSync(path.join(CORPUS_B, e.file), 'utf8') });
      const summary = project.coverageSummary();
      assert.deepEqual(
        summary.specs.map((s) => [s.path, s.total]),
        [[spec, e.requirements]],
        e.why,
      );
      assert.ok(e.statements >= e.requirements, 'a requirement holds at least one statement');
    });
  }
});
