import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyConfig, DEFAULT_CONFIG, DEFAULT_VAGUE_PHRASES, DEFAULT_VAGUE_WORDS, parseConfigFile } from '../../server/src/config';
import { loadWorkspaceConfig } from '../../server/src/lint/workspaceConfig';
import { MemoryWorkspace } from '../../server/src/workspace/memoryWorkspace';
import { lintOne, md } from './helpers';

interface ContributedSetting {
  default?: unknown;
}

const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
  contributes: { configuration: { properties: Record<string, ContributedSetting> } };
};
const contributed = manifest.contributes.configuration.properties;

describe('config', () => {
  describe('package.json contributes.configuration', () => {
    const keys = Object.keys(contributed).filter((k) => k.startsWith('podflow.'));

    it('declares exactly the settings of DEFAULT_CONFIG', () => {
      assert.deepEqual(keys.map((k) => k.slice('podflow.'.length)).sort(), Object.keys(DEFAULT_CONFIG).sort());
    });

    for (const key of Object.keys(contributed).filter((k) => k.startsWith('podflow.'))) {
      const name = key.slice('podflow.'.length) as keyof typeof DEFAULT_CONFIG;
      it(`${key} defaults to DEFAULT_CONFIG["${name}"]`, () => {
        const setting = contributed[key];
        if ('default' in setting) {
          assert.deepEqual(setting.default, DEFAULT_CONFIG[name]);
        } else {
          // Lists left unset in the manifest mean "the built-in list".
          assert.ok(name === 'spec.vagueWords' || name === 'agents.vaguePhrases', `${key} has no default`);
        }
      });
    }

    it('leaves the vague word lists to the built-in defaults', () => {
      assert.deepEqual(DEFAULT_CONFIG['spec.vagueWords'], DEFAULT_VAGUE_WORDS);
      assert.deepEqual(DEFAULT_CONFIG['agents.vaguePhrases'], DEFAULT_VAGUE_PHRASES);
    });

    it('accepts the default id pattern as a valid regular expression', () => {
      assert.doesNotThrow(() => new RegExp(DEFAULT_CONFIG.idPattern));
    });
  });

  describe('applyConfig', () => {
    it('lays valid values over the base, dotted or nested', () => {
      const { config, problems } = applyConfig(
        DEFAULT_CONFIG,
        { 'agents.maxLines': 100, spec: { vagueWords: ['snappy'] }, rules: { SPEC008: 'off', AGENTS007: 'hint' }, exclude: ['old/**'] },
        'settings',
      );
      assert.deepEqual(problems, []);
      assert.equal(config['agents.maxLines'], 100);
      assert.deepEqual(config['spec.vagueWords'], ['snappy']);
      assert.deepEqual(config.rules, { SPEC008: 'off', AGENTS007: 'hint' });
      assert.deepEqual(config.exclude, ['old/**']);
      assert.equal(config.maxFileBytes, DEFAULT_CONFIG.maxFileBytes);
    });

    it('does not change the base', () => {
      const base = { ...DEFAULT_CONFIG, rules: { SPEC001: 'error' as const } };
      const { config } = applyConfig(base, { rules: { SPEC002: 'off' } }, 'settings');
      assert.deepEqual(base.rules, { SPEC001: 'error' });
      assert.deepEqual(config.rules, { SPEC001: 'error', SPEC002: 'off' });
    });

    it('reports a bad value naming its key, and still applies the other keys', () => {
      const { config, problems } = applyConfig(
        DEFAULT_CONFIG,
        { maxFileBytes: -5, 'agents.maxLines': 'lots', idPattern: '([', specGlobs: ['', 'x/*.md'], 'agents.maxChainBytes': 4096 },
        'settings',
      );
      assert.deepEqual(problems.map((p) => p.key).sort(), ['agents.maxLines', 'idPattern', 'maxFileBytes', 'specGlobs']);
      for (const p of problems) assert.ok(p.message.startsWith(`settings: ${p.key}: `), p.message);
      assert.match(problems.find((p) => p.key === 'idPattern')!.message, /not a valid regular expression/);
      assert.match(problems.find((p) => p.key === 'specGlobs')!.message, /a glob cannot be empty/);
      assert.equal(config.maxFileBytes, DEFAULT_CONFIG.maxFileBytes);
      assert.equal(config['agents.maxLines'], DEFAULT_CONFIG['agents.maxLines']);
      assert.equal(config.idPattern, DEFAULT_CONFIG.idPattern);
      assert.deepEqual(config.specGlobs, DEFAULT_CONFIG.specGlobs);
      assert.equal(config['agents.maxChainBytes'], 4096);
    });

    it('checks each rule entry on its own', () => {
      const { config, problems } = applyConfig(DEFAULT_CONFIG, { rules: { SPEC001: 'loud', spec2: 'off', SPEC002: 'error' } }, 'settings');
      assert.deepEqual(config.rules, { SPEC002: 'error' });
      assert.deepEqual(problems.map((p) => p.key), ['rules.SPEC001', 'rules.spec2']);
      assert.match(problems[0].message, /^settings: rules\.SPEC001: .*expected one of "error"/);
      assert.equal(problems[1].message, 'settings: rules.spec2: rule ids look like SPEC001');
    });

    it('reports "rules" that is not a mapping', () => {
      const { problems } = applyConfig(DEFAULT_CONFIG, { rules: ['SPEC001'] }, 'settings');
      assert.deepEqual(problems, [{ key: 'rules', message: 'settings: "rules" must map rule ids to a severity' }]);
    });

    it('reports unknown settings, nested and dotted ones too', () => {
      const { config, problems } = applyConfig(
        DEFAULT_CONFIG,
        { maxLines: 3, 'agents.maxLine': 5, agents: { maxLinez: 7, maxLines: 9 }, plans: 'x' },
        'settings',
      );
      assert.deepEqual(
        problems.map((p) => [p.key, p.message]),
        [
          ['maxLines', 'settings: unknown setting "maxLines"'],
          ['agents.maxLine', 'settings: unknown setting "agents.maxLine"'],
          ['agents.maxLinez', 'settings: unknown setting "agents.maxLinez"'],
          ['plans', 'settings: "plans" must be a mapping of settings'],
        ],
      );
      assert.equal(config['agents.maxLines'], 9);
    });

    it('reports a root that is not a mapping and ignores undefined / null', () => {
      assert.deepEqual(applyConfig(DEFAULT_CONFIG, 'x', '.podflow.yaml').problems, [{ key: '(root)', message: '.podflow.yaml: expected a mapping of settings' }]);
      assert.deepEqual(applyConfig(DEFAULT_CONFIG, [1], 'settings').problems.map((p) => p.key), ['(root)']);
      assert.deepEqual(applyConfig(DEFAULT_CONFIG, undefined, 'settings'), { config: DEFAULT_CONFIG, problems: [] });
      assert.deepEqual(applyConfig(DEFAULT_CONFIG, null, 'settings').problems, []);
    });
  });

  describe('parseConfigFile', () => {
    it('reads nested YAML', () => {
      const { config, problems } = parseConfigFile(md('rules:', '  SPEC008: off', 'agents:', '  maxLines: 120', 'spec:', '  requiredSections:', '    - Summary', 'exclude:', '  - "vendor/**"'));
      assert.deepEqual(problems, []);
      assert.deepEqual(config.rules, { SPEC008: 'off' });
      assert.equal(config['agents.maxLines'], 120);
      assert.deepEqual(config['spec.requiredSections'], ['Summary']);
      assert.deepEqual(config.exclude, ['vendor/**']);
    });

    it('gives each bad key its line, and applies the rest', () => {
      const text = md('# team settings', 'rules:', '  SPEC001: loud', '  SPEC002: error', 'agents:', '  maxLines: -1', '  maxChainBytes: 1000', 'idPattern: "(["', 'colour: blue');
      const { config, problems } = parseConfigFile(text);
      assert.deepEqual(
        problems.map((p) => [p.key, p.line]),
        [
          ['colour', 8],
          ['idPattern', 7],
          ['rules.SPEC001', 2],
          ['agents.maxLines', 5],
        ],
      );
      assert.ok(problems.every((p) => p.message.startsWith('.podflow.yaml: ')));
      assert.deepEqual(config.rules, { SPEC002: 'error' });
      assert.equal(config['agents.maxChainBytes'], 1000);
      assert.equal(config['agents.maxLines'], DEFAULT_CONFIG['agents.maxLines']);
    });

    it('finds lines with CRLF too', () => {
      const { problems } = parseConfigFile('rules:\r\n  SPEC001: loud\r\n');
      assert.deepEqual(problems.map((p) => p.line), [1]);
    });

    it('reports YAML syntax errors with a line and keeps the base', () => {
      const { config, problems } = parseConfigFile(md('rules:', '  SPEC001: off', 'exclude: [a', 'maxLines: 3'));
      assert.equal(config, DEFAULT_CONFIG);
      assert.equal(problems.length, 1);
      assert.equal(problems[0].key, '(file)');
      assert.match(problems[0].message, /^\.podflow\.yaml: /);
      assert.equal(typeof problems[0].line, 'number');
    });

    it('accepts an empty file', () => {
      assert.deepEqual(parseConfigFile(''), { config: DEFAULT_CONFIG, problems: [] });
    });
  });

  describe('loadWorkspaceConfig', () => {
    it('applies defaults, then .podflow.yaml, then editor settings', () => {
      const ws = new MemoryWorkspace({ '.podflow.yaml': md('rules:', '  SPEC001: error', '  SPEC002: hint', 'agents:', '  maxLines: 50', '  maxLinez: 1') });
      const loaded = loadWorkspaceConfig(ws, { rules: { SPEC002: 'off' }, 'agents.maxChainBytes': 'big' });
      assert.deepEqual(loaded.config.rules, { SPEC001: 'error', SPEC002: 'off' });
      assert.equal(loaded.config['agents.maxLines'], 50);
      assert.equal(loaded.config['agents.maxChainBytes'], DEFAULT_CONFIG['agents.maxChainBytes']);
      assert.deepEqual(loaded.fileProblems.map((p) => [p.key, p.line]), [['agents.maxLinez', 5]]);
      assert.deepEqual(loaded.settingsProblems.map((p) => p.key), ['agents.maxChainBytes']);
    });

    it('works without a .podflow.yaml', () => {
      const loaded = loadWorkspaceConfig(new MemoryWorkspace(), undefined);
      assert.deepEqual(loaded, { config: DEFAULT_CONFIG, fileProblems: [], settingsProblems: [] });
    });

    it('drives the linter: a rule set off in .podflow.yaml does not run', () => {
      const ws = new MemoryWorkspace({ '.podflow.yaml': 'rules:\n  SPEC001: "off"\n' });
      const { config } = loadWorkspaceConfig(ws, undefined);
      assert.deepEqual(lintOne('SPEC001', md('- **FR-001**: It must be.'), 'SPEC.md', config), []);
    });
  });
});
