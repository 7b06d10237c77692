import * as assert from 'node:assert/strict';
import { AGENTS_UNKNOWN_SCRIPT } from './helpers/expectations';
import { useScenario } from './helpers/scenario';

describe('e2e: Problems panel', () => {
  const s = useScenario();

  it(`lists ${AGENTS_UNKNOWN_SCRIPT.rule} with its rule id for AGENTS.md, a file the user never opened`, async () => {
    const { rule, file, line, message } = AGENTS_UNKNOWN_SCRIPT;
    // No editor is open: the diagnostics come from the server linting the workspace.
    assert.equal(await s.page.locator('.part.editor .tab').count(), 0, 'no file should be open');
    const markers = await s.wb.waitForMarker({ file, code: rule, line }, true, 45_000);
    const hit = markers.find((m) => m.file === file && m.code === rule)!;
    assert.equal(hit.source, 'podflow');
    assert.equal(hit.severity, 'warning');
    assert.match(hit.message, message);
    // Every finding in the panel carries a podflow rule id.
    const everything = await s.wb.problemMarkers('');
    assert.ok(everything.length > 1, 'more than one finding expected');
    for (const m of everything.filter((x) => x.source === 'podflow')) assert.match(m.code, /^[A-Z]+\d{3}$/, JSON.stringify(m));
  });
});
