/** `node backend/dist/write-openapi.js <file>`: writes the API's OpenAPI document there (see `npm run openapi`). */
import { writeFile } from 'node:fs/promises';
import { renderOpenApiFile } from './openapi-file.js';

const [output] = process.argv.slice(2);
if (output === undefined) {
  console.error('Usage: node backend/dist/write-openapi.js <output.json>');
  process.exit(2);
}
await writeFile(output, await renderOpenApiFile());
