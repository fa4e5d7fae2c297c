import { describeNode } from './node-description';

describe('describeNode', () => {
  it('should summarize from the registry when the config is valid', () => {
    expect(describeNode('wait-delay', { amount: 2, unit: 'days' })).toEqual({
      title: 'Wait for a while',
      summary: 'Wait 2 days',
      category: 'wait',
      outputs: ['next'],
      isConfigValid: true,
    });
  });

  it('should keep the outputs and say it needs settings when the config is invalid', () => {
    const sut = describeNode('attribute-condition', { source: 'profile', path: '' });
    expect(sut).toMatchObject({ summary: 'Needs settings', outputs: ['yes', 'no'], isConfigValid: false });
  });

  it('should give no outputs when the kind is unknown', () => {
    expect(describeNode('send-fax', {})).toMatchObject({ category: null, outputs: [], isConfigValid: false });
  });
});
