// Lazy part: the full settings store (validation, migrations, writing), for settings the fast
// reader (../../platform/settings-fast.ts) cannot take as they are, and for every write.
export { addUserRule, loadSettings, updateSettings } from '../../platform/settings';
