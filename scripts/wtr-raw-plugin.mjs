// Serves files under test/snippets/ as raw text at /__raw__/test/snippets/….txt (the .txt keeps the
// TypeScript transform away), so a test can check that a
// snippet module it runs is, character for character, the snippet the README or docs show (the normal
// route serves TypeScript already compiled).
import {readFile} from 'node:fs/promises';
import path from 'node:path';

const PREFIX = '/__raw__/';

export function rawSnippetsPlugin({rootDir = process.cwd()} = {}) {
  return {
    name: 'kindred-raw-snippets',
    async serve(context) {
      if (!context.path.startsWith(PREFIX)) return undefined;
      const rel = path.normalize(decodeURIComponent(context.path.slice(PREFIX.length)).replace(/\.txt$/, ''));
      if (!rel.startsWith(`test${path.sep}snippets${path.sep}`)) return undefined;
      return {body: await readFile(path.join(rootDir, rel), 'utf8'), type: 'txt'};
    },
  };
}
