// Writes docs/journey.schema.json from the core's zod schemas (a test checks it stays current).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { journeyJsonSchema } from '@rapport/journey';

writeFileSync(join(__dirname, '../docs/journey.schema.json'), `${JSON.stringify(journeyJsonSchema(), null, 2)}\n`);
