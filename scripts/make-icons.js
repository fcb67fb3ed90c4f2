#!/usr/bin/env node
'use strict';
/**
 * Draws the add-in icon (a report sheet with table rows and a check mark) at 16/32/64/80 px into assets/, as PNG
 * written by hand with zlib: no image library needed. Run again only when the design changes; the PNGs are committed.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80];
const OUT = path.resolve(__dirname, '..', 'assets');

const RED = [196, 43, 28]; // the red of official document headers
const PAPER = [255, 255, 255];
const INK = [96, 96, 96];
const GREEN = [16, 124, 65]; // Excel green

/** Colour of the pixel centre (x, y) in a unit square [0,1]², or null for transparent. */
function shade(x, y) {
  // Sheet with a red header band.
  const inSheet = x >= 0.12 && x <= 0.88 && y >= 0.06 && y <= 0.94;
  if (!inSheet) return null;
  const border = x < 0.17 || x > 0.83 || y < 0.11 || y > 0.89;
  if (border) return RED;
  if (y < 0.27) return RED;
  // Check mark in the lower right: two thick strokes.
  const onSegment = (ax, ay, bx, by, w) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    const px = ax + t * dx - x;
    const py = ay + t * dy - y;
    return px * px + py * py <= w * w;
  };
  if (onSegment(0.42, 0.68, 0.54, 0.8, 0.055) || onSegment(0.54, 0.8, 0.78, 0.5, 0.055)) return GREEN;
  // Table rows.
  for (const ry of [0.36, 0.48, 0.6]) if (Math.abs(y - ry) < 0.025 && x > 0.25 && x < 0.75) return INK;
  return PAPER;
}

function crc32(buf) {
  let c;
  let crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** RGBA PNG; each pixel is supersampled 4×4 so small sizes stay smooth. */
function drawPng(size) {
  const ss = 4;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = a ? Math.round(r / a) : 0;
      raw[o + 1] = a ? Math.round(g / a) : 0;
      raw[o + 2] = a ? Math.round(b / a) : 0;
      raw[o + 3] = Math.round((255 * a) / (ss * ss));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT, `icon-${size}.png`);
    fs.writeFileSync(file, drawPng(size));
    process.stdout.write(`${path.relative(process.cwd(), file)}\n`);
  }
}

module.exports = { drawPng, SIZES };
