// Reads a .vsix (a zip file) without dependencies: entry names, sizes and contents, the platform
// the manifest names and the native binaries it carries. Used by scripts/package.mjs and test/e2e.
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/** @returns {{ name: string, size: number, read: () => Buffer }[]} */
export function readVsix(file) {
  const buf = readFileSync(file);
  // End of central directory record: signature 0x06054b50, within the last 64 KiB + 22 bytes.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) throw new Error(`${file}: bad central directory`);
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    entries.push({
      name,
      size,
      read() {
        const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
        const data = buf.subarray(start, start + compressed);
        return method === 0 ? Buffer.from(data) : inflateRawSync(data);
      },
    });
  }
  return entries;
}

/** The platform the package declares (`vsce package --target`), or undefined for a universal package. */
export function targetPlatform(file) {
  const manifest = readVsix(file).find((e) => e.name === 'extension.vsixmanifest');
  if (!manifest) throw new Error(`${file} has no extension.vsixmanifest`);
  return /<Identity\b[^>]*\bTargetPlatform="([^"]+)"/.exec(manifest.read().toString('utf8'))?.[1];
}

/** The better-sqlite3 binaries in the package: runtime tag (folder under dist/native) and size. */
export function nativeBinaries(file) {
  return readVsix(file)
    .map((e) => ({ m: /^extension\/dist\/native\/([^/]+)\/better_sqlite3\.node$/.exec(e.name), e }))
    .filter((x) => x.m)
    .map(({ m, e }) => ({ tag: m[1], name: e.name, size: e.size }));
}
