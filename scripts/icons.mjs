#!/usr/bin/env node
// Renders icons/qingdu.svg to the PNG sizes the manifest lists. Run by hand (`npm run icons`)
// after editing the SVG; the PNGs are committed so builds need no native renderer.
import { Resvg } from '@resvg/resvg-js';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '..', 'icons');
const svg = readFileSync(resolve(dir, 'qingdu.svg'), 'utf8');

for (const size of [16, 32, 48, 128]) {
  const png = new Resvg(svg, { fitTo: { mode: 'width', value: size }, shapeRendering: 2 }).render().asPng();
  const out = resolve(dir, `icon-${size}.png`);
  writeFileSync(out, png);
  console.error(`icons: ${out} (${png.length} bytes)`);
}
