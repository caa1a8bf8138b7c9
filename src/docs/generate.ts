/** `npm run docs`: regenerate the reference documents from the schemas. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnosticsDoc, workspaceDoc } from './workspace-doc.js';

const docs = fileURLToPath(new URL('../../docs/', import.meta.url));
writeFileSync(join(docs, 'workspace.md'), workspaceDoc());
writeFileSync(join(docs, 'diagnostics.md'), diagnosticsDoc());
process.stderr.write('wrote docs/workspace.md and docs/diagnostics.md\n');
