// www/early-drops.js: files dropped before the page's code has loaded are kept, in order, and
// handed on once; after that the page's own handler takes drops.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { claimEarlyDrops, keepEarlyDrops } from '../../www/early-drops.js';

/** A drag event carrying files (Node has no DragEvent): what the handlers read of one. */
function dragEvent(type, names) {
  const files = names.map((name) => ({ name }));
  const dataTransfer = {
    types: names.length ? ['Files'] : [],
    items: files.map(() => ({ kind: 'file', webkitGetAsEntry: () => null })),
    files,
  };
  return Object.assign(new Event(type, { cancelable: true }), { dataTransfer });
}

test('drops before the page has loaded are kept in order and handed on once', () => {
  const page = new EventTarget();
  keepEarlyDrops(page);
  const over = dragEvent('dragover', ['a.txt']);
  page.dispatchEvent(over);
  assert.equal(over.defaultPrevented, true, 'the drop is allowed (not opened by the browser)');
  const plain = dragEvent('dragover', []);
  page.dispatchEvent(plain);
  assert.equal(plain.defaultPrevented, false, 'a drag without files is left alone');
  page.dispatchEvent(dragEvent('drop', ['a.txt', 'b.txt']));
  page.dispatchEvent(dragEvent('drop', []));
  page.dispatchEvent(dragEvent('drop', ['c.txt']));
  const batches = claimEarlyDrops();
  assert.deepEqual(
    batches.map((batch) => /** @type {any} */ (batch).files.map((f) => f.file.name)),
    [['a.txt', 'b.txt'], ['c.txt']],
  );
  assert.deepEqual(claimEarlyDrops(), [], 'handed on once');
  // From now on the page's own handler takes drops.
  const later = dragEvent('drop', ['d.txt']);
  page.dispatchEvent(later);
  assert.equal(later.defaultPrevented, false);
  assert.deepEqual(claimEarlyDrops(), []);
});
