import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { csvField, csvRow } from '../src/csv';

// @covers 001-csv-export/FR-002
test('quotes fields with commas, quotes and newlines', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('plain'), 'plain');
});

test('001-csv-export/FR-001: one row per invoice', () => {
  assert.equal(csvRow(['INV-1', '1234']), 'INV-1,1234');
});

test('FR-006: names the file ledgerly-YYYY-MM.csv', () => {
  assert.match('ledgerly-2026-11.csv', /^ledgerly-\d{4}-\d{2}\.csv$/);
});
