// Draws the tray icons (one per sync state, for light and dark menu bars, 16 and 32 px
// at @1x and @2x) and the 512 px app icon, as PNGs written with node:zlib only. Shapes
// are signed-distance functions sampled 4×4 per pixel, so edges are anti-aliased.
// The glyphs use the same 20-unit geometry as the renderer's StateIcon.
//   node scripts/make-icons.mjs   → assets/tray/*.png, assets/icon.png
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '..');

// --- PNG encoding -----------------------------------------------------------------
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', deflateSync(rows, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// --- Shapes (in 20-unit icon space) ---------------------------------------------------
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
function segment(ax, ay, bx, by, width) {
  return (x, y) => {
    const px = x - ax,
      py = y - ay,
      dx = bx - ax,
      dy = by - ay;
    const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy || 1)));
    return Math.hypot(px - dx * t, py - dy * t) - width / 2;
  };
}
function polyline(points, width) {
  const parts = points.slice(1).map((p, i) => segment(points[i][0], points[i][1], p[0], p[1], width));
  return (x, y) => Math.min(...parts.map((d) => d(x, y)));
}
function arc(cx, cy, r, fromDeg, toDeg, width) {
  const points = [];
  for (let i = 0; i <= 16; i++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / 16) * Math.PI) / 180;
    points.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return polyline(points, width);
}
function roundedSquare(inset, radius) {
  return (x, y) => {
    const qx = Math.abs(x - 10) - (10 - inset - radius);
    const qy = Math.abs(y - 10) - (10 - inset - radius);
    return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
  };
}
const union =
  (...shapes) =>
  (x, y) =>
    Math.min(...shapes.map((s) => s(x, y)));

const STROKE = 2.3;
const SYNC_GLYPH = (w) =>
  union(
    arc(10, 10, 4.6, 200, 340, w),
    polyline(
      [
        [13.2, 4.9],
        [14.5, 8.4],
        [11, 8.9],
      ],
      w,
    ),
    arc(10, 10, 4.6, 20, 160, w),
    polyline(
      [
        [6.8, 15.1],
        [5.5, 11.6],
        [9, 11.1],
      ],
      w,
    ),
  );

const GLYPHS = {
  in_sync: polyline(
    [
      [5.3, 10.4],
      [8.4, 13.5],
      [14.7, 7.1],
    ],
    STROKE,
  ),
  needs_approval: union(segment(10, 5.2, 10, 11.2, STROKE), circle(10, 14.6, STROKE / 2 + 0.15)),
  failing: union(segment(6.6, 6.6, 13.4, 13.4, STROKE), segment(13.4, 6.6, 6.6, 13.4, STROKE)),
  paused: union(segment(7.8, 6, 7.8, 14, STROKE), segment(12.2, 6, 12.2, 14, STROKE)),
  syncing: SYNC_GLYPH(2),
};

// Light menu bars get deeper colours and a white glyph; dark ones brighter colours and a dark glyph.
const COLOURS = {
  light: {
    glyph: [255, 255, 255],
    in_sync: [26, 127, 55],
    needs_approval: [191, 135, 0],
    failing: [207, 34, 46],
    paused: [110, 119, 129],
    syncing: [9, 105, 218],
  },
  dark: {
    glyph: [13, 17, 23],
    in_sync: [63, 185, 80],
    needs_approval: [227, 179, 65],
    failing: [248, 81, 73],
    paused: [139, 148, 158],
    syncing: [88, 166, 255],
  },
};

// --- Rasterising ------------------------------------------------------------------------
const SAMPLES = 4;
function coverage(shape, px, py, scale) {
  let inside = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const x = (px + (sx + 0.5) / SAMPLES) * scale;
      const y = (py + (sy + 0.5) / SAMPLES) * scale;
      if (shape(x, y) <= 0) inside++;
    }
  }
  return inside / (SAMPLES * SAMPLES);
}

/** Paints layers (shape + colour) bottom to top; returns RGBA bytes. */
function render(size, layers) {
  const scale = 20 / size;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (const { shape, colour } of layers) {
        const c = coverage(shape, px, py, scale);
        if (c === 0) continue;
        // "over" compositing with premultiplied accumulation
        r = colour[0] * c + r * (1 - c);
        g = colour[1] * c + g * (1 - c);
        b = colour[2] * c + b * (1 - c);
        a = c + a * (1 - c);
      }
      const i = (py * size + px) * 4;
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round(a * 255);
    }
  }
  return out;
}

const trayDir = path.join(ROOT, 'assets', 'tray');
mkdirSync(trayDir, { recursive: true });
let count = 0;
for (const theme of ['light', 'dark']) {
  for (const state of Object.keys(GLYPHS)) {
    const layers = [
      { shape: circle(10, 10, 9.4), colour: COLOURS[theme][state] },
      { shape: GLYPHS[state], colour: COLOURS[theme].glyph },
    ];
    // 16 px, and 32 px as @2x for high-density screens: the sizes the tray loads.
    for (const [factor, suffix] of [
      [1, ''],
      [2, '@2x'],
    ]) {
      const size = 16 * factor;
      writeFileSync(path.join(trayDir, `tray-${state}-${theme}${suffix}.png`), encodePng(size, render(size, layers)));
      count++;
    }
  }
}

const APP_BLUE = [11, 99, 206];
const appIcon = render(512, [
  { shape: roundedSquare(0.9, 4.2), colour: APP_BLUE },
  { shape: SYNC_GLYPH(1.5), colour: [255, 255, 255] },
]);
writeFileSync(path.join(ROOT, 'assets', 'icon.png'), encodePng(512, appIcon));
console.log(`wrote ${count} tray icons to ${path.relative(ROOT, trayDir)} and assets/icon.png`);
