import * as assert from 'node:assert/strict';
import { contributedCommands, paletteLabel } from './helpers/expectations';
import { useScenario } from './helpers/scenario';
import { waitUntil } from './helpers/workbench';

describe('e2e: commands', () => {
  const s = useScenario();

  it('lists every command podflow contributes in the palette under its category', async () => {
    const commands = contributedCommands();
    assert.ok(commands.length > 0, 'package.json contributes no commands');
    for (const c of commands) assert.equal(c.category, 'podflow', `${c.command} has category ${c.category}`);
    const labels = commands.map(paletteLabel);
    // The palette learns about remote extensions once the extension host has started; wait for podflow's findings first.
    await s.wb.waitForProblemCounts((c) => c.errors + c.warnings + c.infos > 0, 'podflow findings in the status bar', 45_000);
    // All of them under the category...
    let listed: string[] = [];
    await waitUntil(`the palette to list ${labels.join(', ')}`, async () => {
      listed = await s.wb.paletteEntries('podflow:');
      if (labels.every((l) => listed.includes(l))) return true;
      await s.wb.closeQuickInput();
      return undefined;
    }, 20_000, 500).catch((err: Error) => assert.fail(`${err.message}; the palette showed: ${listed.join(' | ')}`));
    // ...and each one found by its own full label.
    for (const label of labels) {
      const rows = await s.wb.paletteEntries(label);
      assert.equal(rows[0], label, `palette search for "${label}" found ${rows.join(' | ')}`);
    }
    await s.wb.closeQuickInput();
  });
});
