import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { journeyJsonSchema } from './journey-json-schema';

describe('journeyJsonSchema', () => {
  it('should describe every node kind config when exported', () => {
    const sut = JSON.stringify(journeyJsonSchema());

    for (const kind of ['event-trigger', 'wait-delay', 'attribute-condition', 'send-email', 'exit']) {
      expect(sut).toContain(`"const":"${kind}"`);
    }
    expect(sut).toContain('"enum":["minutes","hours","days","weeks"]');
  });

  it('should match the published docs/journey.schema.json when the format changes', () => {
    const published = JSON.parse(readFileSync(join(__dirname, '../../../../docs/journey.schema.json'), 'utf8'));
    // Regenerate with: node -r @swc-node/register tools/write-journey-schema.ts
    expect(published).toEqual(journeyJsonSchema());
  });
});
