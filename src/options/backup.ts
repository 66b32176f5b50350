// Export to a JSON file, import from one (all or nothing: a bad file changes nothing), and
// reset to defaults after a confirmation, with an Undo for a few seconds.
import { DEFAULT_SETTINGS, type Settings } from '../platform/settings-schema';
import { parseImport, structuredCloneSettings, toExportFile, type ImportResult } from '../platform/settings-validate';
import type { OptionsContext } from './context';
import { byId } from './dom';

const UNDO_MS = 10_000;

export function importErrorMessage(r: Extract<ImportResult, { ok: false }>, t: OptionsContext['t']): string {
  const reason = t(`options_import_err_${r.code.replace(/-/g, '_')}`, [r.detail]);
  return t('options_import_error', [reason]);
}

export function exportFileName(now = new Date()): string {
  return `qingdu-settings-${now.toISOString().slice(0, 10)}.json`;
}

export function initBackup(ctx: OptionsContext): void {
  const { t } = ctx;
  const exportBtn = byId<HTMLButtonElement>('export');
  const importBtn = byId<HTMLButtonElement>('import');
  const file = byId<HTMLInputElement>('import-file');
  const resetBtn = byId<HTMLButtonElement>('reset');
  const confirm = byId('reset-confirm');
  const yes = byId<HTMLButtonElement>('reset-yes');
  const no = byId<HTMLButtonElement>('reset-no');
  const status = byId('backup-status');
  const error = byId('import-error');

  const undoable = (message: string, before: Settings) => {
    status.textContent = message;
    ctx.status(message, { label: t('options_undo'), run: () => void ctx.replace(before).then(() => ctx.status(t('options_undone'))) }, UNDO_MS);
  };

  exportBtn.addEventListener('click', () => {
    const blob = new Blob([JSON.stringify(toExportFile(ctx.get()), null, 2) + '\n'], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = exportFileName();
    a.hidden = true;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    status.textContent = t('options_export_done');
  });

  importBtn.addEventListener('click', () => file.click());
  file.addEventListener('change', async () => {
    const f = file.files?.[0];
    file.value = '';
    if (!f) return;
    error.textContent = '';
    status.textContent = '';
    let text: string;
    try {
      text = await f.text();
    } catch {
      error.textContent = t('options_import_error', [t('options_import_err_read')]);
      return;
    }
    const result = parseImport(text);
    if (!result.ok) {
      error.textContent = importErrorMessage(result, t);
      return;
    }
    const before = structuredCloneSettings(ctx.get());
    await ctx.replace(result.settings);
    undoable(t('options_import_done', [f.name]), before);
  });

  resetBtn.addEventListener('click', () => {
    confirm.hidden = false;
    no.focus();
  });
  no.addEventListener('click', () => {
    confirm.hidden = true;
    resetBtn.focus();
  });
  confirm.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') no.click();
  });
  yes.addEventListener('click', async () => {
    confirm.hidden = true;
    const before = structuredCloneSettings(ctx.get());
    await ctx.replace(structuredCloneSettings(DEFAULT_SETTINGS));
    resetBtn.focus();
    undoable(t('options_reset_done'), before);
  });
}
