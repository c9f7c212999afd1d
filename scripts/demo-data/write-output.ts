import fs from 'node:fs';
import path from 'node:path';

/** One-space indentation, as the loader's fixtures and the source files use; a final newline for diffs. */
export function writeJson(filePath: string, value: unknown): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, `${JSON.stringify(value, null, 1)}\n`, 'utf8');
}

export function writeJsonLines(filePath: string, values: unknown[]): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, values.map((value) => `${JSON.stringify(value)}\n`).join(''), 'utf8');
}

/** Byte-for-byte copies: the demo must carry the sources verbatim. */
export function copyVerbatim(sourcePath: string, targetPath: string): void {
  fs.mkdirSync(path.dirname(targetPath), { recursive: true });
  fs.copyFileSync(sourcePath, targetPath);
}

/** Copies the files of a flat folder; returns how many. A subfolder would be silently lost, so it fails. */
export function copyFlatFolder(sourceFolder: string, targetFolder: string): number {
  fs.rmSync(targetFolder, { recursive: true, force: true });
  fs.mkdirSync(targetFolder, { recursive: true });
  const entries = fs.readdirSync(sourceFolder, { withFileTypes: true }).sort((left, right) => (left.name < right.name ? -1 : 1));
  for (const entry of entries) {
    if (!entry.isFile()) throw new Error(`${path.join(sourceFolder, entry.name)} is not a file`);
    fs.copyFileSync(path.join(sourceFolder, entry.name), path.join(targetFolder, entry.name));
  }
  return entries.length;
}
