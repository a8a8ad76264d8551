// @ts-check
// The 工作区 menu: export the workspace as one file, or import one (after the person agrees
// that it replaces what is there). The menu closes once an item is chosen.

export class WorkspaceMenu {
  /**
   * @param {HTMLDetailsElement} menu holds #export-workspace, #import-workspace and #workspace-input
   * @param {{confirmImport: () => boolean, onExport: () => void, onImport: (file: File) => void}} actions
   */
  constructor(menu, { confirmImport, onExport, onImport }) {
    const input = /** @type {HTMLInputElement} */ (menu.querySelector('#workspace-input'));
    menu.addEventListener('click', (event) => {
      if (/** @type {Element} */ (event.target).closest('button')) menu.open = false;
    });
    menu.querySelector('#export-workspace')?.addEventListener('click', () => onExport());
    menu.querySelector('#import-workspace')?.addEventListener('click', () => input.click());
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      input.value = '';
      if (file && confirmImport()) onImport(file);
    });
  }
}
