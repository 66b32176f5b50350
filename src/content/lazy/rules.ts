// Lazy part: user rules (uBlock cosmetic syntax), loaded only when the user has rules.
export { applyUserRules } from '../../core/rules/index';
