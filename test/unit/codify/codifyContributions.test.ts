import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { NEW_FILES, snippetBody } from '../../../client/src/commands/codify/templates';
import { lintAll } from '../helpers';
import { parseSnippet } from '../snippetSyntax';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

interface Step {
  id: string;
  title: string;
  description: string;
  media: { image?: string; altText?: string };
  completionEvents?: string[];
}
interface Manifest {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    walkthroughs: { id: string; title: string; steps: Step[] }[];
    configuration: { properties: Record<string, unknown> };
  };
}

const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
const markdownSnippets: unknown = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'snippets', 'markdown.json'), 'utf8'));

/** What `vsce package` keeps: .vscodeignore excludes everything ("**"), then lists what goes in with "!". */
function packaged(rel: string): boolean {
  const lines = fs.readFileSync(path.join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n').map((l) => l.trim());
  let included = true;
  for (const l of lines) {
    if (l === '' || l.startsWith('#')) continue;
    const negate = l.startsWith('!');
    if (picomatch(negate ? l.slice(1) : l, { dot: true })(rel)) included = negate;
  }
  return included;
}

describe('codify contributions in package.json', () => {
  const commands = new Map(manifest.contributes.commands.map((c) => [c.command, c]));

  it('contributes the codify commands with their exact palette titles, under podflow', () => {
    const want: Record<string, string> = {
      'podflow.codifyLearning': 'Codify learning',
      'podflow.showLearnings': 'Show codified learnings',
      'podflow.newSpec': 'New spec',
      'podflow.newExecPlan': 'New ExecPlan',
      'podflow.newAgentsMd': 'New AGENTS.md',
    };
    for (const [command, title] of Object.entries(want)) assert.deepEqual(commands.get(command), { command, title, category: 'podflow' });
    assert.deepEqual(Object.keys(NEW_FILES).sort(), ['podflow.newAgentsMd', 'podflow.newExecPlan', 'podflow.newSpec']);
  });

  it('has a seven-step onboarding walkthrough whose buttons run real commands, with packaged images', () => {
    const [walkthrough] = manifest.contributes.walkthroughs;
    assert.deepEqual(
      walkthrough.steps.map((s) => s.title),
      ['Create AGENTS.md', 'Write a first spec', 'Tag a test with a requirement', 'See MUST coverage', 'Watch the mode clock', 'Set a token budget', 'Codify a first learning'],
    );
    const buttons = walkthrough.steps.map((s) => /\n\[[^\]]+\]\(command:([\w.]+)(?:\?([^)]*))?\)$/.exec(s.description));
    assert.deepEqual(
      buttons.map((m) => m?.[1]),
      ['podflow.newAgentsMd', 'podflow.newSpec', 'workbench.action.quickOpen', 'podflow.showCoverage', 'podflow.modeClockMenu', 'workbench.action.openSettings', 'podflow.codifyLearning'],
    );
    for (const m of buttons) {
      const command = m![1];
      if (command.startsWith('podflow.')) assert.ok(commands.has(command), `${command} is not contributed`);
      // Arguments are URI-encoded JSON.
      if (m![2] !== undefined) JSON.parse(decodeURIComponent(m![2]));
    }
    const settingsQuery = JSON.parse(decodeURIComponent(buttons[5]![2]!)) as string;
    assert.ok(Object.keys(manifest.contributes.configuration.properties).some((k) => k.startsWith(settingsQuery)), `no setting matches ${settingsQuery}`);
    for (const s of walkthrough.steps) {
      const image = s.media.image!;
      assert.ok(fs.existsSync(path.join(REPO_ROOT, image)), `${image} is missing`);
      assert.ok(packaged(image), `${image} is left out of the package by .vscodeignore`);
      assert.ok((s.media.altText ?? '').length > 20, `${s.id} needs alt text`);
    }
    assert.equal(new Set(walkthrough.steps.map((s) => s.id)).size, 7);
  });
});

describe('New spec / ExecPlan / AGENTS.md templates', () => {
  for (const [command, kind] of Object.entries(NEW_FILES)) {
    it(`${command}: the ${kind.snippet} snippet, expanded, is a ${kind.fileName} without lint errors`, () => {
      const body = snippetBody(markdownSnippets, kind.snippet);
      const expanded = parseSnippet(body).expanded;
      const errors = lintAll({ [kind.fileName]: expanded }, kind.fileName).filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => `${f.ruleId}: ${f.message}`), []);
    });
  }

  it('reads a body written as one string or as lines, and names a snippet it cannot find', () => {
    assert.equal(snippetBody({ A: { body: ['x', 'y'] } }, 'A'), 'x\ny');
    assert.equal(snippetBody({ A: { body: 'x' } }, 'A'), 'x');
    assert.throws(() => snippetBody({}, 'SPEC.md'), /the snippet "SPEC\.md" is missing/);
    assert.throws(() => snippetBody({ A: { body: [1] } }, 'A'), /"A"/);
    assert.throws(() => snippetBody(null, 'A'), /"A"/);
  });
});
