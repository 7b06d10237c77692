import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { makeProject } from '../helpers';

/** Real specs from public repositories, kept in the repository (test/corpus/MANIFEST.tsv). */
const REPOS = path.resolve(__dirname, '..', '..', 'corpus', 'repos');

/**
 * MUST-level counts of real specs, written down by reading each file.
 * `keywords` counts MUST/SHALL (and their NOT forms) in capitals outside code;
 * `requirements` counts requirements: one per Kiro acceptance criterion (a
 * criterion holding two SHALLs is one requirement, as a test cites it once).
 */
const EXPECTED: { repo: string; file: string; keywords: number; requirements: number; why: string }[] = [
  {
    repo: 'crawlins__kythira',
    file: '.kiro/specs/arm64-ci-verification/requirements.md',
    keywords: 38,
    requirements: 33,
    why:
      'Ten "### Requirement N: Title" sections with 5+4+3+3+3+3+3+3+3+3 numbered EARS criteria (WHEN … THEN … SHALL), every one with a SHALL; ' +
      'five criteria hold a second SHALL (3.1 "SHALL include … or SHALL derive", 3.2, 5.3, 8.2 "SHALL … and SHALL NOT", 10.2): 38 keywords. Introduction and glossary have none.',
  },
  {
    repo: 'crawlins__kythira',
    file: '.kiro/specs/cbor-rpc-serializer/requirements.md',
    keywords: 39,
    requirements: 36,
    why: 'Ten "### Requirement N" sections (no titles) with 3+8+5+3+2+4+2+2+5+2 numbered criteria, each with a SHALL; 2.4, 3.2 and 6.3 hold a second SHALL (6.3 a SHALL NOT): 39 keywords.',
  },
];

describe('trace: MUST counts of real-world specs (test/corpus)', () => {
  it('the corpus is in the repository', () => {
    for (const e of EXPECTED) assert.ok(fs.existsSync(path.join(REPOS, e.repo, e.file)), `missing corpus file ${e.repo}/${e.file}`);
  });

  for (const e of EXPECTED) {
    it(`${e.repo}/${e.file}: ${e.requirements} MUST requirements`, () => {
      // As a spec-kit feature folder: Kiro's own location is not a default spec glob yet (below).
      const spec = e.file.replace('.kiro/specs/', 'specs/').replace(/requirements\.md$/, 'spec.md');
      const text = fs.readFileSync(path.join(REPOS, e.repo, e.file), 'utf8');
      assert.equal(text.match(/\b(?:SHALL|MUST)\b/g)?.length, e.keywords, 'keywords in the file');
      const { project } = makeProject({ [spec]: text });
      assert.deepEqual(project.coverageSummary().specs.map((s) => [s.path, s.total]), [[spec, e.requirements]], e.why);
    });
  }

  // Pending: `.kiro/specs/*/requirements.md` is not among the default spec globs, so a Kiro
  // repository shows no requirements until the user sets podflow.specGlobs.
  it.skip('a Kiro spec at its own path is found without settings', () => {
    const e = EXPECTED[0];
    const { project } = makeProject({ [e.file]: fs.readFileSync(path.join(REPOS, e.repo, e.file), 'utf8') });
    assert.deepEqual(project.coverageSummary().specs.map((s) => [s.path, s.total]), [[e.file, e.requirements]]);
  });
});
