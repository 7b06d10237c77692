import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DocKind } from '../../../server/src/documents/kinds';
import { Linter } from '../../../server/src/lint/linter';
import { Project } from '../../../server/src/project';
import { RULES, RULES_BY_ID } from '../../../server/src/rules';
import { MemoryWorkspace } from '../../../server/src/workspace/memoryWorkspace';
import { lintAll, lintOne, makeLinter, md, withConfig } from '../helpers';

const SPEC = md('# Spec', '', '## Requirements', '', '- **FR-001**: Amounts must be in cents.');

describe('lint/linter', () => {
  describe('severity from podflow.rules', () => {
    it('uses the rule default without settings', () => {
      assert.deepEqual(lintOne('SPEC001', SPEC, 'SPEC.md').map((f) => f.severity), ['warning']);
    });

    for (const severity of ['error', 'warning', 'information', 'hint'] as const) {
      it(`overrides the severity to ${severity}`, () => {
        const found = lintOne('SPEC001', SPEC, 'SPEC.md', { rules: { SPEC001: severity } });
        assert.deepEqual(found.map((f) => f.severity), [severity]);
      });
    }

    it('turns a rule off and leaves the others alone', () => {
      const all = lintAll(SPEC, 'SPEC.md').map((f) => f.ruleId);
      const off = lintAll(SPEC, 'SPEC.md', { rules: { SPEC001: 'off' } }).map((f) => f.ruleId);
      assert.ok(all.includes('SPEC001'));
      assert.deepEqual(off, all.filter((id) => id !== 'SPEC001'));
    });

    it('ignores settings for other rules', () => {
      assert.deepEqual(lintOne('SPEC001', SPEC, 'SPEC.md', { rules: { AGENTS001: 'off', SPEC002: 'error' } }).map((f) => f.severity), ['warning']);
    });
  });

  describe('documents', () => {
    it('classifies files by the default and configured globs, and skips excluded ones', () => {
      const files = {
        'SPEC.md': '',
        'specs/001-a/spec.md': '',
        'docs/auth.spec.md': '',
        'PLANS.md': '',
        'AGENTS.md': '',
        'web/agents.md': '',
        'CLAUDE.md': '',
        'README.md': '',
        'old/SPEC.md': '',
      };
      const linter = new Linter(new MemoryWorkspace(files), withConfig({ agentsGlobs: ['**/CLAUDE.md'], exclude: ['old/**'] }));
      assert.deepEqual(linter.documents(), [
        { path: 'AGENTS.md', kind: 'agents' },
        { path: 'CLAUDE.md', kind: 'agents' },
        { path: 'PLANS.md', kind: 'plans' },
        { path: 'SPEC.md', kind: 'spec' },
        { path: 'docs/auth.spec.md', kind: 'spec' },
        { path: 'specs/001-a/spec.md', kind: 'spec' },
        { path: 'web/agents.md', kind: 'agents' },
      ]);
      assert.equal(linter.kindOf('README.md'), undefined);
      assert.equal(linter.kindOf('old/SPEC.md'), undefined);
    });

    it('lints the live text when given, not the saved one', () => {
      const linter = makeLinter({ 'SPEC.md': SPEC }, 'SPEC.md');
      assert.equal(linter.lint('SPEC.md', 'spec').filter((f) => f.ruleId === 'SPEC001').length, 1);
      assert.equal(linter.lint('SPEC.md', 'spec', SPEC.replace('must', 'MUST')).filter((f) => f.ruleId === 'SPEC001').length, 0);
    });

    it('uses a configured id pattern', () => {
      const text = md('- **US-1**: A MUST be.', '- B MUST be.');
      assert.equal(lintOne('SPEC003', text, 'SPEC.md', { idPattern: 'XX-\\d+' }).length, 0);
      assert.equal(lintOne('SPEC003', text, 'SPEC.md').length, 1);
    });

    it('returns findings sorted by position', () => {
      const found = lintAll(md('- B MUST be fast and should log.', '- **FR-001**: A MUST be.'), 'SPEC.md');
      const keys = found.map((f) => f.range.start.line * 1000 + f.range.start.character);
      assert.deepEqual(keys, [...keys].sort((a, b) => a - b));
    });
  });

  describe('rules', () => {
    it('have unique stable ids, a name, a one-line description and a default severity', () => {
      assert.equal(RULES_BY_ID.size, RULES.length);
      for (const r of RULES) {
        assert.match(r.id, /^(SPEC|PLANS|AGENTS|TRACE)\d{3}$/);
        assert.match(r.name, /^[a-z]+(-[a-z]+)*$/);
        assert.ok(r.description.length > 10 && !r.description.includes('\n'), r.id);
        assert.ok(['error', 'warning', 'information', 'hint'].includes(r.defaultSeverity), r.id);
        if (r.id.startsWith('TRACE')) {
          // Trace findings come from the workspace-wide trace index (Project), never from one document's check().
          assert.deepEqual(r.appliesTo, [], r.id);
        } else {
          assert.ok(r.appliesTo.includes(r.id.replace(/\d+$/, '').toLowerCase() as DocKind), r.id);
        }
      }
    });

    it('each have their own unit test file', () => {
      for (const r of RULES) {
        assert.ok(fs.existsSync(path.join(__dirname, '..', 'rules', `${r.id}.test.ts`)), `missing test/unit/rules/${r.id}.test.ts`);
      }
    });

    it('only offer fixes when they say they are fixable', () => {
      const files = {
        'SPEC.md': md('- **FR-001**: A must be.', '- B MUST be.'),
        'PLANS.md': md('## Progress', '- a'),
        'AGENTS.md': md('- Keep commits small please.', '- Keep commits small please.'),
      };
      const linter = new Linter(new MemoryWorkspace(files), withConfig());
      const fixed = new Set<string>();
      for (const d of linter.documents()) for (const f of linter.lint(d.path, d.kind)) if (f.fix) fixed.add(f.ruleId);
      assert.deepEqual([...fixed].sort(), ['AGENTS008', 'PLANS002', 'SPEC001', 'SPEC003']);

      // Trace rules: a mistyped id (TRACE002) and an id two specs define (TRACE005) get fixes; the others do not.
      const project = new Project(
        new MemoryWorkspace({
          'specs/001-a/spec.md': md('- **FR-001**: A MUST be.', '- **FR-002**: B MUST be.'),
          'specs/002-b/spec.md': md('- **FR-001**: C MUST be.', '- **FR-003**: D MUST be.'),
          'test/a.test.ts': md("it('FR-001 and FR-00x', () => {});", "it.skip('002-b/FR-003', () => {});", "it('FR-021', () => {});"),
        }),
        withConfig(),
      );
      project.indexAll();
      const traceIds = new Set<string>();
      for (const [p] of project.fileList()) {
        for (const f of project.findings(p)) {
          if (!f.ruleId.startsWith('TRACE')) continue;
          traceIds.add(f.ruleId);
          if (f.fix || f.fixes?.length) fixed.add(f.ruleId);
        }
      }
      assert.deepEqual([...traceIds].sort(), ['TRACE001', 'TRACE002', 'TRACE003', 'TRACE005'], 'the workspace shows every trace rule but TRACE004');
      const fixable = ['AGENTS008', 'PLANS002', 'SPEC001', 'SPEC003', 'TRACE002', 'TRACE005'];
      assert.deepEqual([...fixed].sort(), fixable);
      assert.deepEqual(RULES.filter((r) => r.fixable).map((r) => r.id).sort(), fixable);
    });
  });
});
