// www/ui/pos-filter.js: which quick choice a filter.pos list is.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { posChoice, POS_CHOICES } from '../../www/ui/pos-filter.js';

test('every tag, one family, or a list of the settings panel', () => {
  assert.equal(posChoice(null), 'all');
  assert.equal(posChoice(undefined), 'all');
  assert.equal(posChoice(['nr']), 'person');
  assert.equal(posChoice(['ns']), 'place');
  assert.equal(posChoice(['nt']), 'organization');
  assert.equal(posChoice(['nr', 'ns']), null);
  assert.equal(posChoice(['n']), null);
  assert.equal(posChoice([]), null);
  assert.deepEqual(
    POS_CHOICES.map(([name]) => name),
    ['all', 'person', 'place', 'organization'],
  );
});
