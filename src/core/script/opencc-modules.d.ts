// opencc-js 1.4 publishes its per-locale dictionary groups under "./*" without type entries.
// Each module's default export is a list of dictionary groups (see opencc-js/types/core.d.ts).
declare module 'opencc-js/from/*' {
  import type { DictGroup } from 'opencc-js/core';
  const groups: readonly DictGroup[];
  export default groups;
}
declare module 'opencc-js/to/*' {
  import type { DictGroup } from 'opencc-js/core';
  const groups: readonly DictGroup[];
  export default groups;
}
