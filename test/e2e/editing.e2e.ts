import * as assert from 'node:assert/strict';
import { SPEC_LOWERCASE_MUST as MUST, TYPED_DEFECT } from './helpers/expectations';
import { useScenario } from './helpers/scenario';
import type { Workbench } from './helpers/workbench';

/** Opens the spec with the planted defect, puts the cursor on it and waits for its squiggle. */
async function openSpec(wb: Workbench): Promise<void> {
  await wb.openFile(MUST.file);
  await wb.goTo(MUST.line, MUST.column + 1);
  await wb.waitForSquiggleOver(MUST.line, MUST.word);
}

describe('e2e: editing a spec', () => {
  const s = useScenario();

  it(`shows the ${MUST.rule} squiggle on line ${MUST.line} and its message on hover`, async () => {
    await openSpec(s.wb);
    assert.equal(await s.wb.lineText(MUST.line), MUST.lineText);
    const squiggle = await s.wb.waitForSquiggleOver(MUST.line, MUST.word);
    const hover = await s.wb.hover(squiggle, MUST.rule);
    assert.match(hover, MUST.hover);
    assert.match(hover, new RegExp(`podflow.*${MUST.rule}`, 's'));
  });

  it(`quick fix "${MUST.fixTitle}" changes the text, undo restores it`, async () => {
    const marker = { file: MUST.file, code: MUST.rule, line: MUST.line };
    await openSpec(s.wb);
    const titles = await s.wb.openQuickFixMenu();
    assert.ok(titles.includes(MUST.fixTitle), `quick fixes offered: ${titles.join(' | ')}`);
    await s.wb.applyQuickFix(MUST.fixTitle);
    await s.wb.waitForLineText(MUST.line, MUST.fixedLineText);
    await s.wb.waitForNoSquiggleOver(MUST.line, MUST.fixed);
    await s.wb.waitForMarker(marker, false);

    await s.wb.closePanel();
    await s.wb.goTo(MUST.line, MUST.column + 1); // back in the editor
    await s.page.keyboard.press('Control+Z');
    await s.wb.waitForLineText(MUST.line, MUST.lineText);
    await s.wb.waitForSquiggleOver(MUST.line, MUST.word);
    await s.wb.waitForMarker(marker, true);
  });

  it('typing a new defect adds a diagnostic; fixing it by hand removes it', async () => {
    const marker = { file: TYPED_DEFECT.file, code: TYPED_DEFECT.rule, line: TYPED_DEFECT.line };
    await openSpec(s.wb);
    // A new requirement on the empty line after FR-006.
    await s.wb.goTo(TYPED_DEFECT.line);
    await s.page.keyboard.type(TYPED_DEFECT.text, { delay: 5 });
    await s.page.keyboard.press('Enter');
    await s.wb.waitForLineText(TYPED_DEFECT.line, TYPED_DEFECT.text);
    const squiggle = await s.wb.waitForSquiggleOver(TYPED_DEFECT.line, TYPED_DEFECT.word);
    assert.match(await s.wb.hover(squiggle, TYPED_DEFECT.rule), new RegExp(TYPED_DEFECT.rule));
    await s.wb.moveMouseAway();
    await s.wb.waitForMarker(marker, true);

    // Fix it the way a user would: double-click the word, type the capitals.
    await s.wb.closePanel();
    await s.wb.goTo(TYPED_DEFECT.line);
    const again = await s.wb.waitForSquiggleOver(TYPED_DEFECT.line, TYPED_DEFECT.word);
    await s.page.mouse.dblclick(again.x + again.width / 2, again.y + again.height / 2);
    await s.page.keyboard.type('MUST');
    await s.wb.waitForLineText(TYPED_DEFECT.line, TYPED_DEFECT.fixedText);
    await s.wb.waitForNoSquiggleOver(TYPED_DEFECT.line, 'MUST');
    await s.wb.waitForMarker(marker, false);
  });
});
