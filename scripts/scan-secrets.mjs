// After the suite: no key the tests used may be in anything the tests left behind (data
// folders with their SQLite files, settings and logs, captured CLI output, the built
// renderer, the reports). The keys are collected from the test sources and simulators, so
// a new test key is covered without a list to keep up. Every file is read as bytes, in
// chunks, looking for each key as UTF-8 and as UTF-16LE; symlinks are not followed.
//   node scripts/scan-secrets.mjs PATH...   exit 0 clean, 1 on a hit or when nothing was read
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const KEY_SOURCES = ['test', 'src/main/simulators'];
const KEY_PATTERNS = [
  /\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9_]{3,}/g, // Stripe secret and restricted keys
  /\bsmk-[A-Za-z0-9-]{4,}/g, // ServiceM8 keys the tests make up
  /\bsm8-[a-z0-9-]*key\b/g, // the simulator's demo key and its wrong twin
  /(?:API_KEY|apiKey)['"]?\s*[:=]\s*['"]\s*([^'"\s]{8,})\s*['"]/g, // whatever a test passes as a key
];
const CHUNK = 1 << 20;

function walk(target, onFile) {
  let stat;
  try {
    stat = lstatSync(target);
  } catch {
    return;
  }
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    for (const name of readdirSync(target)) walk(path.join(target, name), onFile);
  } else if (stat.isFile()) onFile(target, stat.size);
}

export function collectKeys(root = ROOT) {
  const keys = new Set();
  for (const dir of KEY_SOURCES) {
    walk(path.join(root, dir), (file) => {
      if (!/\.(?:ts|tsx|mjs|js|json)$/.test(file)) return;
      const text = readFileSync(file, 'utf8');
      for (const pattern of KEY_PATTERNS) for (const match of text.matchAll(pattern)) keys.add(match[1] ?? match[0]);
    });
  }
  return [...keys].sort();
}

/** Shows enough of a key to find it in the tests, not the whole of it. */
const mask = (key) => `${key.slice(0, Math.min(8, key.length - 3))}…`;

export function scan(targets, keys) {
  const needles = keys.flatMap((key) => [
    { key, bytes: Buffer.from(key, 'utf8') },
    { key, bytes: Buffer.from(key, 'utf16le') },
  ]);
  const overlap = Math.max(...needles.map((n) => n.bytes.length)) - 1;
  const hits = [];
  let files = 0;
  let bytes = 0;
  for (const target of targets) {
    walk(path.resolve(target), (file, size) => {
      files += 1;
      bytes += size;
      const fd = openSync(file, 'r');
      try {
        let carry = Buffer.alloc(0);
        let offset = 0;
        for (;;) {
          const buffer = Buffer.alloc(CHUNK);
          const read = readSync(fd, buffer, 0, CHUNK, offset);
          if (read === 0) break;
          const window = Buffer.concat([carry, buffer.subarray(0, read)]);
          for (const needle of needles) {
            const at = window.indexOf(needle.bytes);
            if (at >= 0) hits.push({ file, key: needle.key, at: offset - carry.length + at });
          }
          carry = window.subarray(Math.max(0, window.length - overlap));
          offset += read;
        }
      } finally {
        closeSync(fd);
      }
    });
  }
  // A key found in both a chunk and the carried-over tail is one hit.
  const unique = [...new Map(hits.map((h) => [`${h.file}|${h.key}|${h.at}`, h])).values()];
  return { files, bytes, hits: unique };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const targets = process.argv.slice(2);
  if (targets.length === 0) {
    console.error('usage: node scripts/scan-secrets.mjs PATH...');
    process.exit(2);
  }
  const keys = collectKeys();
  const { files, bytes, hits } = scan(targets, keys);
  console.log(`secret scan: ${keys.length} test keys, ${files} files, ${bytes} bytes read in ${targets.join(', ')}: ${hits.length} hits`);
  for (const hit of hits) console.log(`  ${hit.file} at byte ${hit.at}: ${mask(hit.key)}`);
  if (keys.length < 5) console.log('secret scan: fewer than 5 test keys found; the key patterns no longer match the tests');
  if (files === 0) console.log('secret scan: nothing was read, so nothing is proven');
  process.exit(hits.length > 0 || files === 0 || keys.length < 5 ? 1 : 0);
}
