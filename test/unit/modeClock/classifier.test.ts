import assert from 'node:assert/strict';
import { classify, type ClockContext } from '../../../server/src/modeClock/classifier';
import { resolveUri } from '../../../server/src/modeClock/clockService';
import type { EditorInfo } from '../../../server/src/modeClock/signals';
import type { ClockRule } from '../../../server/src/modeClock/rules';
import { classifierConfig, fileUri, FOLDER, ROOT } from './fixtures';

function ctx(editor?: EditorInfo, extra: Partial<ClockContext> = {}): ClockContext {
  const resolved = editor ? resolveUri(editor.uri, [FOLDER], ROOT).editor : undefined;
  return {
    editor: resolved && { ...resolved, view: editor?.view ?? 'text' },
    debugActive: false,
    testRunActive: false,
    agentActive: false,
    codifyActive: false,
    ...extra,
  };
}

function mode(editor?: EditorInfo, extra: Partial<ClockContext> = {}, rules: ClockRule[] = []) {
  return classify(ctx(editor, extra), classifierConfig(rules));
}

describe('mode clock classifier', () => {
  describe('plan', () => {
    for (const rel of ['SPEC.md', 'specs/001-invites/spec.md', 'PLANS.md', 'docs/DESIGN.md', 'docs/adr/0003-use-sqlite.md', 'docs/payments-design.md', 'rfcs/0001.md']) {
      it(`${rel} is plan`, () => assert.equal(mode({ uri: fileUri(rel) }), 'plan'));
    }
  });

  describe('codify', () => {
    for (const rel of ['AGENTS.md', 'packages/api/AGENTS.md', 'CLAUDE.md', 'GEMINI.md', '.github/copilot-instructions.md']) {
      it(`${rel} is codify`, () => assert.equal(mode({ uri: fileUri(rel) }), 'codify'));
    }
    it('the Codify learning command running is codify, whatever the editor', () => {
      assert.equal(mode({ uri: fileUri('src/app.ts') }, { codifyActive: true }), 'codify');
      assert.equal(mode(undefined, { codifyActive: true }), 'codify');
    });
  });

  describe('review', () => {
    it('a diff editor', () => assert.equal(mode({ uri: fileUri('src/app.ts'), view: 'diff' }), 'review'));
    it('the merge editor', () => assert.equal(mode({ uri: fileUri('src/app.ts'), view: 'merge' }), 'review'));
    it('a pull-request view', () => assert.equal(mode({ uri: 'webview:PullRequestOverview', view: 'pullRequest' }), 'review'));
    it('the Testing view', () => assert.equal(mode({ uri: 'webview:testing', view: 'testing' }), 'review'));
    for (const scheme of ['git', 'gitlens']) {
      it(`a ${scheme}: document`, () => assert.equal(mode({ uri: `${scheme}:${ROOT}/src/app.ts?ref=HEAD` }), 'review'));
    }
    it('a test file', () => assert.equal(mode({ uri: fileUri('test/invites.test.ts') }), 'review'));
    it('a test run in progress, even with a source file open', () => assert.equal(mode({ uri: fileUri('src/app.ts') }, { testRunActive: true }), 'review'));
    it('a debug session in progress', () => assert.equal(mode({ uri: fileUri('src/app.ts') }, { debugActive: true }), 'review'));
    it('a diff of a spec is review, not plan', () => assert.equal(mode({ uri: fileUri('SPEC.md'), view: 'diff' }), 'review'));
  });

  describe('execute', () => {
    it('a source file', () => assert.equal(mode({ uri: fileUri('src/invites.ts') }), 'execute'));
    it('an untitled buffer', () => assert.equal(mode({ uri: 'untitled:Untitled-1' }), 'execute'));
    it('a file outside the workspace', () => assert.equal(mode({ uri: 'file:///tmp/scratch.ts' }), 'execute'));
    it('an agent at work with no editor', () => assert.equal(mode(undefined, { agentActive: true }), 'execute'));
    it('an agent at work does not override a spec being read', () => assert.equal(mode({ uri: fileUri('SPEC.md') }, { agentActive: true }), 'plan'));
  });

  describe('no opinion', () => {
    it('no editor and nothing running', () => assert.equal(mode(undefined), undefined));
    it('an output panel or a settings editor', () => {
      assert.equal(mode({ uri: 'output:extension-output-podflow' }), undefined);
      assert.equal(mode({ uri: 'vscode-settings:/user' }), undefined);
      assert.equal(mode({ uri: 'webview:podflow.modeReport' }), undefined);
    });
  });

  describe('user rules', () => {
    it('a glob rule comes before the built-in rules', () => {
      const rules: ClockRule[] = [{ match: 'src/migrations/**', mode: 'plan' }];
      assert.equal(mode({ uri: fileUri('src/migrations/001.sql') }, {}, rules), 'plan');
      assert.equal(mode({ uri: fileUri('src/app.ts') }, {}, rules), 'execute');
    });
    it('can take a built-in plan file elsewhere', () => {
      assert.equal(mode({ uri: fileUri('SPEC.md') }, {}, [{ match: '**/SPEC.md', mode: 'review' }]), 'review');
    });
    it('a scheme rule matches the editor scheme', () => {
      assert.equal(mode({ uri: 'vscode-notebook-cell:/x.ipynb#c1' }, {}, [{ match: 'scheme:vscode-notebook-cell', mode: 'plan' }]), 'plan');
      assert.equal(mode({ uri: `git:${ROOT}/src/a.ts` }, {}, [{ match: 'scheme:git', mode: 'execute' }]), 'execute');
    });
    it('first match wins', () => {
      const rules: ClockRule[] = [
        { match: 'docs/**', mode: 'codify' },
        { match: 'docs/DESIGN.md', mode: 'execute' },
      ];
      assert.equal(mode({ uri: fileUri('docs/DESIGN.md') }, {}, rules), 'codify');
    });
  });

  it('caches per path: the same answer, and a cache hit for a file with no mode', () => {
    const cache = new Map();
    const config = classifierConfig();
    assert.equal(classify(ctx({ uri: fileUri('SPEC.md') }), config, cache), 'plan');
    assert.equal(classify(ctx({ uri: fileUri('src/a.ts') }), config, cache), 'execute');
    assert.equal(cache.get('spec:SPEC.md'), 'plan');
    assert.equal(cache.get('src/a.ts'), null);
    assert.equal(classify(ctx({ uri: fileUri('SPEC.md') }), config, cache), 'plan');
  });
});
