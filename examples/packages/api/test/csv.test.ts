import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { csvField, csvRow } from '../src/csv';

// @covers FR-002
test('FR-002: quotes fields with commas, quotes and newlines', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('plain'), 'plain');
});

test('FR-001: one row per invoice', () => {
  assert.equal(csvRow(['INV-1', '1234']), 'INV-1,1234');
});
