import { audienceTriggerKind } from './audience-trigger.kind';

describe('audienceTriggerKind', () => {
  it('should be keyed by the audience when indexed', () => {
    expect(audienceTriggerKind.trigger?.keys({ audience: 'at-risk' })).toEqual(['audience:at-risk']);
  });

  it.each([
    ['at-risk', true],
    ['vip', false],
    ['AT-RISK', false],
  ])('should match only its own audience when the customer joins %s', (joined, expected) => {
    expect(audienceTriggerKind.trigger?.matchesAudience?.({ audience: 'at-risk' }, joined)).toBe(expected);
  });

  it('should ask for an audience when none is chosen', () => {
    const sut = audienceTriggerKind.schema.safeParse({ audience: ' ' });

    expect(sut.error?.issues[0]?.message).toBe('field.audience.new-members-required');
  });
});
