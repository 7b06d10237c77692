import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { formatCents } from '../src/money';

test('formats cents', () => {
  assert.equal(formatCents(1234), '12.34');
  assert.equal(formatCents(-5), '-0.05');
});
