// Build-time constants, replaced by the bundler (`define` in the vite configs).

/** True in the extension build (vite.config.ts), false in the Node library build and in vitest. */
declare const __QINGDU_BROWSER__: boolean;
