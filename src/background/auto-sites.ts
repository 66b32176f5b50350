// Registers the content script on all sites when the user grants the optional host permission.
// Placeholder: the options/settings work fills it in.
export function initAutoSites(): void {}
