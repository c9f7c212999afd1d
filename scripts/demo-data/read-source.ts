import fs from 'node:fs';
import path from 'node:path';

export function readJson<T>(sourceDirectory: string, relativePath: string): T {
  return JSON.parse(fs.readFileSync(path.join(sourceDirectory, relativePath), 'utf8')) as T;
}

export function readJsonLines<T>(sourceDirectory: string, relativePath: string): T[] {
  return fs
    .readFileSync(path.join(sourceDirectory, relativePath), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}
