// Prints the syntactic structure of PowerShell scripts as JSON, with the content of string
// literals left out: two scripts that differ only inside their literals print the same thing.
// The hostile-value test compares a script made with a benign value against the same script
// made with a hostile one. Parsing uses pscheck's parser (tree-sitter-powershell).
// usage: node ps_structure.mjs PSCHECK_DIR FILE.ps1...
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [pscheckDir, ...files] = process.argv.slice(2);
const { parseScript } = await import(pathToFileURL(path.join(pscheckDir, 'lib', 'syntax.mjs')).href);

function* walk(node) {
  yield node;
  if (/string/.test(node.type)) return; // a literal is one leaf, whatever is inside it
  for (const child of node.children) yield* walk(child);
}

const out = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const { tree, text: work, errors } = await parseScript(text);
  const shape = [];
  const commands = [];
  for (const node of walk(tree.rootNode)) {
    if (node.type === 'comment') continue;
    shape.push(node.type);
    if (node.type === 'command') {
      const nameNode = node.children.find((c) => c.type === 'command_name');
      const elements = [];
      const list = node.children.find((c) => c.type === 'command_elements');
      for (const e of list ? list.children : []) {
        if (e.type === 'command_parameter') elements.push(work.slice(e.startIndex, e.endIndex));
        else if (e.type !== 'command_argument_sep') elements.push(`<${e.type}>`);
      }
      commands.push({ name: nameNode ? work.slice(nameNode.startIndex, nameNode.endIndex) : '?', elements });
    }
  }
  out.push({ file, errors: errors.length, shape: shape.join(' '), commands });
  tree.delete();
}
process.stdout.write(JSON.stringify(out));
