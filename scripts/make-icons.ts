// Draws the Teams app icons into appPackage/: `npx tsx scripts/make-icons.ts`.
//   color.png   192×192  accent-blue rounded square with a white agenda clipboard
//   outline.png  32×32   the same clipboard in opaque white on full transparency
//                        (Teams accepts only white and transparent pixels there)
// The PNGs are committed; run this again only when the design changes.
import fs from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

type Rgb = readonly [number, number, number];
/** x0, y0, x1, y1 (exclusive), corner radius. */
type Box = readonly [number, number, number, number, number?];

const ACCENT: Rgb = [0x1f, 0x4e, 0x79]; // #1F4E79, manifest accentColor
const WHITE: Rgb = [0xff, 0xff, 0xff];
const CLIP: Rgb = [0xbd, 0xd7, 0xee]; // light blue, the clipboard clip
const LINE: Rgb = [0x9f, 0xb6, 0xcc]; // the agenda lines, accent mixed with white

/** Is the point inside the (rounded) box? */
function inside([x0, y0, x1, y1, r = 0]: Box, x: number, y: number): boolean {
  if (x < x0 || x >= x1 || y < y0 || y >= y1) return false;
  if (r <= 0) return true;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

class Canvas {
  readonly png: PNG;
  constructor(readonly size: number) {
    this.png = new PNG({ width: size, height: size });
    // Fully transparent; RGB white so even a reader ignoring alpha sees white.
    for (let i = 0; i < this.png.data.length; i += 4) {
      this.png.data.set([255, 255, 255, 0], i);
    }
  }

  /** Paints a box over what is there, anti-aliased with 4×4 samples per pixel. */
  fill(box: Box, [r, g, b]: Rgb, samples = 4): void {
    const d = this.png.data;
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            if (inside(box, x + (sx + 0.5) / samples, y + (sy + 0.5) / samples)) hits++;
          }
        }
        if (hits === 0) continue;
        const a = hits / (samples * samples);
        const i = (y * this.size + x) * 4;
        const da = (d[i + 3] ?? 0) / 255;
        const oa = a + da * (1 - a);
        const mix = (src: number, dst: number) => Math.round((src * a + dst * da * (1 - a)) / oa);
        d[i] = mix(r, d[i] ?? 0);
        d[i + 1] = mix(g, d[i + 1] ?? 0);
        d[i + 2] = mix(b, d[i + 2] ?? 0);
        d[i + 3] = Math.round(oa * 255);
      }
    }
  }

  /** Sets whole pixels, no blending: opaque white or fully transparent. */
  set(box: Box, on: boolean): void {
    const [x0, y0, x1, y1] = box;
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        this.png.data.set(on ? [255, 255, 255, 255] : [255, 255, 255, 0], (y * this.size + x) * 4);
      }
    }
  }

  toBuffer(): Buffer {
    return PNG.sync.write(this.png, { colorType: 6 });
  }
}

/** 192×192: rounded accent square, white page, light-blue clip, four agenda rows. */
export function colorIcon(): Buffer {
  const c = new Canvas(192);
  c.fill([0, 0, 192, 192, 40], ACCENT);
  c.fill([50, 38, 142, 160, 10], WHITE); // the page
  c.fill([74, 26, 118, 50, 8], CLIP); // the clip
  c.fill([84, 32, 108, 40, 4], ACCENT); // the clip's slot
  const rows = [66, 88, 110, 132];
  rows.forEach((y, n) => {
    c.fill([64, y, 76, y + 12, 3], ACCENT); // item bullet
    c.fill([84, y + 3, n === rows.length - 1 ? 112 : 128, y + 9, 3], LINE); // item text
  });
  return c.toBuffer();
}

/** 32×32: the clipboard drawn with whole white pixels only. */
export function outlineIcon(): Buffer {
  const c = new Canvas(32);
  c.set([5, 4, 27, 30], true); // page
  c.set([7, 6, 25, 28], false); // inside of the page: a 2 px outline
  const corners = [
    [5, 4],
    [26, 4],
    [5, 29],
    [26, 29],
  ] as const; // slightly rounded
  for (const [x, y] of corners) c.set([x, y, x + 1, y + 1], false);
  c.set([11, 2, 21, 7], true); // clip
  c.set([14, 3, 18, 5], false); // clip's slot
  const rows = [
    [11, 22],
    [16, 22],
    [21, 19],
  ] as const; // [top, end of the line]
  for (const [y, end] of rows) {
    c.set([10, y, 12, y + 2], true); // bullet
    c.set([14, y, end, y + 2], true); // line
  }
  return c.toBuffer();
}

function main(): void {
  const dir = path.join(__dirname, '..', 'appPackage');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'color.png'), colorIcon());
  fs.writeFileSync(path.join(dir, 'outline.png'), outlineIcon());
  process.stdout.write(`Wrote ${path.join(dir, 'color.png')} and outline.png\n`);
}

if (require.main === module) main();
