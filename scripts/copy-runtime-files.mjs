/* global console */
// Copies what the compiled server reads from disk at run time into dist/: every file beside the sources
// that is not TypeScript (intent utterances, term lists, migrations, the category model, the Chroma watchdog…),
// and the demo data set (data/demo), so that dist/ runs on its own. Test fixtures and READMEs stay behind.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const layers = ['common', 'text', 'storage', 'bot', 'knowledge', 'hotline', 'channels', 'server'];
const skippedFolders = new Set(['fixtures', 'node_modules', 'dist', '__snapshots__']);
const wanted = (name) => !name.endsWith('.ts') && !name.endsWith('.tsx') && name !== 'README.md';

let copied = 0;
const copyFolder = (from, to) => {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) {
      if (!skippedFolders.has(entry.name)) copyFolder(source, path.join(to, entry.name));
    } else if (entry.isFile() && wanted(entry.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, path.join(to, entry.name));
      copied += 1;
    }
  }
};

for (const layer of layers) copyFolder(path.join(root, layer), path.join(root, 'dist', layer));
// hotline/demo resolves the demo set two folders above itself: data/demo beside the sources, dist/data/demo here.
fs.cpSync(path.join(root, 'data', 'demo'), path.join(root, 'dist', 'data', 'demo'), { recursive: true });
console.log(`copied ${copied} runtime files and data/demo into dist/`);
