import { minuteBefore, publishDocumentedJourney, setClock, shopper } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/birthday.json: 3 days before the birthday at 10:00 local, once a year; VIPs again on the day.
const GREETING = (name: string) => `Happy birthday soon, ${name}!`;
const VIP_WISH = (name: string) => `Happy birthday ${name}!`;

describe('birthday journey (docs/journeys/birthday.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;

  /** Nothing for the customer a minute before `moment`, exactly `subjects` once it is reached. */
  const expectSentAt = async (userId: string, moment: string, before: string[], after: string[]) => {
    await setClock(stack, minuteBefore(moment));
    expect(shop.subjectsTo(userId)).toEqual(before);
    await setClock(stack, moment);
    expect(shop.subjectsTo(userId)).toEqual(after);
  };

  beforeAll(async () => {
    // 2027 is not a leap year; 2028 is.
    stack = await startStack({ label: 'shop_birthday', clockStart: '2027-02-01T09:00:00Z' });
    shop = shopper(stack);
    await publishDocumentedJourney(stack, 'birthday');
    // New York is UTC-5 until 14 March; Tokyo is UTC+9 all year; Paris moves from UTC+1 to UTC+2 on 28 March 2027.
    await shop.identify('leap', {
      firstName: 'Leap',
      birthday: '2000-02-29',
      tier: 'vip',
      timezone: 'America/New_York',
    });
    await shop.identify('chie', { firstName: 'Chie', birthday: '1992-03-10', tier: 'vip', timezone: 'Asia/Tokyo' });
    await shop.identify('dai', { firstName: 'Dai', birthday: '1980-03-10', tier: 'regular', timezone: 'Asia/Tokyo' });
    await shop.identify('ana', { firstName: 'Ana', birthday: '1990-03-30', tier: 'vip', timezone: 'Europe/Paris' });
    await shop.identify('ben', { firstName: 'Ben', birthday: '1975-03-30', timezone: 'Europe/Paris' });
  });

  afterAll(() => stack?.stop());

  it('should greet Feb 29 birthdays on Feb 25 at 10:00 local in a non-leap year, and the VIP on Feb 28', async () => {
    await expectSentAt('leap', '2027-02-25T15:00:00Z', [], [GREETING('Leap')]);
    await expectSentAt('leap', '2027-02-28T15:00:00Z', [GREETING('Leap')], [GREETING('Leap'), VIP_WISH('Leap')]);
  });

  it('should greet at 10:00 Tokyo time and send the VIP wish on the birthday only to the VIP', async () => {
    await setClock(stack, '2027-03-07T00:59:00Z');
    expect([...shop.subjectsTo('chie'), ...shop.subjectsTo('dai')]).toEqual([]);
    await setClock(stack, '2027-03-07T01:00:00Z');
    expect(shop.subjectsTo('chie')).toEqual([GREETING('Chie')]);
    expect(shop.subjectsTo('dai')).toEqual([GREETING('Dai')]);

    await expectSentAt('chie', '2027-03-10T01:00:00Z', [GREETING('Chie')], [GREETING('Chie'), VIP_WISH('Chie')]);
    expect(shop.subjectsTo('dai')).toEqual([GREETING('Dai')]);
    const [passage] = (await shop.timeline('dai')).enrollments;
    expect(passage?.status).toBe('completed');
    expect(passage?.steps.find((step) => step.nodeId === 'is-vip')?.code).toBe('condition.not-matched');
  });

  it('should greet at 10:00 Paris time, and keep 10:00 on the birthday after the clocks go forward', async () => {
    await setClock(stack, '2027-03-27T08:59:00Z');
    expect([...shop.subjectsTo('ana'), ...shop.subjectsTo('ben')]).toEqual([]);
    await setClock(stack, '2027-03-27T09:00:00Z');
    expect(shop.subjectsTo('ana')).toEqual([GREETING('Ana')]);
    expect(shop.subjectsTo('ben')).toEqual([GREETING('Ben')]);
    expect(shop.mailsTo('ana')[0]?.html).toContain('Hi Ana');

    // 10:00 CEST on 30 March is 08:00 UTC: three calendar days in her zone, not 72 hours.
    await expectSentAt('ana', '2027-03-30T08:00:00Z', [GREETING('Ana')], [GREETING('Ana'), VIP_WISH('Ana')]);
    expect(shop.subjectsTo('ben')).toEqual([GREETING('Ben')]);
  });

  it('should not greet twice in one year when the birthday is corrected after the greeting', async () => {
    await shop.identify('ben', { birthday: '1975-06-20' });

    await setClock(stack, '2027-06-18T12:00:00Z');

    expect(shop.subjectsTo('ben')).toEqual([GREETING('Ben')]);
    expect((await shop.timeline('ben')).enrollments).toHaveLength(1);
  });

  it('should greet again the next year, a Feb 29 birthday on Feb 26 of a leap year and the VIP on Feb 29', async () => {
    const lastYear = [GREETING('Leap'), VIP_WISH('Leap')];
    await expectSentAt('leap', '2028-02-26T15:00:00Z', lastYear, [...lastYear, GREETING('Leap')]);
    await expectSentAt('leap', '2028-02-29T15:00:00Z', [...lastYear, GREETING('Leap')], [...lastYear, ...lastYear]);
    await expectSentAt('dai', '2028-03-07T01:00:00Z', [GREETING('Dai')], [GREETING('Dai'), GREETING('Dai')]);
    await setClock(stack, '2028-03-11T00:00:00Z');
    expect(shop.subjectsTo('chie')).toEqual([GREETING('Chie'), VIP_WISH('Chie'), GREETING('Chie'), VIP_WISH('Chie')]);
  });

  // Once a year means once per calendar year in the customer's zone, so a greeting that comes an hour or a
  // day earlier than last year's (summer time, Feb 29 birthdays) still gets in.
  it('should greet at 10:00 local when that comes earlier in UTC than last year (summer time already on)', async () => {
    // 27 March 2028 is summer time in Paris: 10:00 local is 08:00 UTC, an hour earlier than the 2027 greeting.
    await expectSentAt(
      'ana',
      '2028-03-27T08:00:00Z',
      [GREETING('Ana'), VIP_WISH('Ana')],
      [GREETING('Ana'), VIP_WISH('Ana'), GREETING('Ana')],
    );
  });

  it('should greet on the corrected birthday the next year, and nobody more than once a year', async () => {
    // Ben's corrected birthday is 20 June: 17 June 2028 at 10:00 CEST.
    await expectSentAt('ben', '2028-06-17T08:00:00Z', [GREETING('Ben')], [GREETING('Ben'), GREETING('Ben')]);
    await setClock(stack, '2028-12-31T12:00:00Z');
    expect(shop.subjectsTo('leap')).toHaveLength(4);
    expect(shop.subjectsTo('chie')).toHaveLength(4);
    expect(shop.subjectsTo('dai')).toHaveLength(2);
    expect(shop.subjectsTo('ben')).toHaveLength(2);
  });

  it('should greet a Feb 29 birthday on Feb 25 the year after a leap year', async () => {
    // Greeted on 26 February 2028, then due on 25 February 2029: one day short of a full year later.
    await expectSentAt('leap', '2029-02-25T15:00:00Z', Array(4).fill(expect.any(String)), [
      ...Array(4).fill(expect.any(String)),
      GREETING('Leap'),
    ]);
  });
});
