import { FakeTwilio } from '@rapport/channels';
import { minuteBefore, nth, publishDocumentedJourney, setClock, shopper } from '../../support/shop-journeys';
import { startStack, type Stack } from '../../support/stack';

// docs/journeys/birthday.json: a coupon (pool `birthday`, 14 days) and a greeting 3 days before the birthday at
// 10:00 local, once a year; VIPs get an SMS with the same code on the day.
const GREETING = (name: string) => `Happy birthday soon, ${name}!`;
const VIP_TEXT = (name: string): string =>
  expect.stringMatching(
    new RegExp(
      `^SMS: Happy birthday ${name}! Thank you for being one of our VIPs\\. Your gift code BDAY-[A-Z0-9]+ is waiting for you\\.$`,
    ),
  );
const DAY = 86_400_000;

describe('birthday journey (docs/journeys/birthday.json)', () => {
  let stack: Stack;
  let shop: ReturnType<typeof shopper>;
  const twilio = new FakeTwilio();

  /** Nothing new for the customer a minute before `moment`, exactly `after` (emails and texts) once it is reached. */
  const expectSentAt = async (userId: string, moment: string, before: string[], after: string[]) => {
    await setClock(stack, minuteBefore(moment));
    expect(shop.receivedBy(userId)).toEqual(before);
    await setClock(stack, moment);
    expect(shop.receivedBy(userId)).toEqual(after);
  };

  beforeAll(async () => {
    const { twilioUrl } = await twilio.start();
    // 2027 is not a leap year; 2028 is.
    stack = await startStack({
      label: 'shop_birthday',
      clockStart: '2027-02-01T09:00:00Z',
      env: { SMS_URL: `${twilioUrl}?from=%2B15550001111` },
    });
    shop = shopper(stack, twilio);
    await publishDocumentedJourney(stack, 'birthday');
    // New York is UTC-5 until 14 March; Tokyo is UTC+9 all year; Paris moves from UTC+1 to UTC+2 on 28 March 2027.
    const vip = (phone: string) => ({ tier: 'vip', phone, sms_consent: true });
    await shop.identify('leap', {
      firstName: 'Leap',
      birthday: '2000-02-29',
      timezone: 'America/New_York',
      ...vip('+12125550100'),
    });
    await shop.identify('chie', {
      firstName: 'Chie',
      birthday: '1992-03-10',
      timezone: 'Asia/Tokyo',
      ...vip('+819012345678'),
    });
    await shop.identify('dai', { firstName: 'Dai', birthday: '1980-03-10', tier: 'regular', timezone: 'Asia/Tokyo' });
    await shop.identify('ana', {
      firstName: 'Ana',
      birthday: '1990-03-30',
      timezone: 'Europe/Paris',
      ...vip('+33612345678'),
    });
    await shop.identify('ben', { firstName: 'Ben', birthday: '1975-03-30', timezone: 'Europe/Paris' });
    // 10:00 in Auckland (UTC+13) is the evening before in UTC; a French reader.
    await shop.identify('kiri', {
      firstName: 'Kiri',
      birthday: '1990-03-10',
      timezone: 'Pacific/Auckland',
      locale: 'fr-FR',
    });
    // A VIP with a phone who never agreed to texts.
    await shop.identify('bea', {
      firstName: 'Bea',
      birthday: '1985-03-30',
      timezone: 'Europe/Paris',
      tier: 'vip',
      phone: '+33698765432',
    });
  });

  afterAll(async () => {
    await stack?.stop();
    await twilio.stop();
  });

  it('should greet Feb 29 birthdays on Feb 25 at 10:00 local in a non-leap year, and text the VIP on Feb 28', async () => {
    await expectSentAt('leap', '2027-02-25T15:00:00Z', [], [GREETING('Leap')]);
    await expectSentAt('leap', '2027-02-28T15:00:00Z', [GREETING('Leap')], [GREETING('Leap'), VIP_TEXT('Leap')]);
  });

  it('should greet at 10:00 Tokyo time and text the VIP on the birthday, and only the VIP', async () => {
    // Auckland is first: 10:00 there on 7 March is 21:00 UTC on the 6th.
    await expectSentAt('kiri', '2027-03-06T21:00:00Z', [], [GREETING('Kiri')]);
    await setClock(stack, '2027-03-07T00:59:00Z');
    expect([...shop.receivedBy('chie'), ...shop.receivedBy('dai')]).toEqual([]);
    await setClock(stack, '2027-03-07T01:00:00Z');
    expect(shop.receivedBy('chie')).toEqual([GREETING('Chie')]);
    expect(shop.receivedBy('dai')).toEqual([GREETING('Dai')]);

    await expectSentAt('chie', '2027-03-10T01:00:00Z', [GREETING('Chie')], [GREETING('Chie'), VIP_TEXT('Chie')]);
    expect(shop.receivedBy('dai')).toEqual([GREETING('Dai')]);
    const [passage] = (await shop.timeline('dai')).enrollments;
    expect(passage?.status).toBe('completed');
    expect(passage?.steps.find((step) => step.nodeId === 'is-vip')?.code).toBe('condition.not-matched');
  });

  it('should put a code of its own in each greeting, valid 14 days from issue, and text the VIP that same code', async () => {
    const greeted = ['leap', 'chie', 'dai'];
    const codes = await Promise.all(greeted.map(async (userId) => nth(await shop.couponsOf(userId), 0)));
    expect(new Set(codes.map((coupon) => coupon.code)).size).toBe(greeted.length);
    greeted.forEach((userId, index) => {
      const coupon = nth(codes, index);
      expect(coupon).toMatchObject({ pool: 'birthday', nodeId: 'gift-coupon', code: expect.stringMatching(/^BDAY-/) });
      expect(coupon.expiresAt?.getTime()).toBe(coupon.issuedAt.getTime() + 14 * DAY);
      const [greeting] = shop.mailsTo(userId);
      expect(greeting?.html).toContain(coupon.code);
      expect(greeting?.text).toContain(`with the code ${coupon.code}, valid until`);
    });
    // Issued at the greeting, 10:00 in Tokyo on 7 March: valid until 21 March.
    expect(nth(codes, 1).issuedAt.toISOString()).toBe('2027-03-07T01:00:00.000Z');
    expect(shop.mailsTo('chie')[0]?.text).toContain('valid until March 21, 2027');
    expect(shop.textsTo('chie')).toEqual([expect.stringContaining(`Your gift code ${nth(codes, 1).code} is`)]);
    expect(shop.textsTo('leap')).toEqual([expect.stringContaining(`Your gift code ${nth(codes, 0).code} is`)]);
    // The end date is the customer's: 10:00 in Auckland on 7 March + 14 days is 21 March there (20 March in UTC).
    const kiri = nth(await shop.couponsOf('kiri'), 0);
    expect(kiri.issuedAt.toISOString()).toBe('2027-03-06T21:00:00.000Z');
    expect(shop.mailsTo('kiri')[0]?.text).toContain(`code ${kiri.code}, valid until 21 mars 2027.`);
  });

  it('should greet at 10:00 Paris time, and keep 10:00 on the birthday after the clocks go forward', async () => {
    await setClock(stack, '2027-03-27T08:59:00Z');
    expect([...shop.receivedBy('ana'), ...shop.receivedBy('ben')]).toEqual([]);
    await setClock(stack, '2027-03-27T09:00:00Z');
    expect(shop.receivedBy('ana')).toEqual([GREETING('Ana')]);
    expect(shop.receivedBy('ben')).toEqual([GREETING('Ben')]);
    expect(shop.mailsTo('ana')[0]?.html).toContain('Hi Ana');

    // 10:00 CEST on 30 March is 08:00 UTC: three calendar days in her zone, not 72 hours.
    await expectSentAt('ana', '2027-03-30T08:00:00Z', [GREETING('Ana')], [GREETING('Ana'), VIP_TEXT('Ana')]);
    expect(shop.receivedBy('ben')).toEqual([GREETING('Ben')]);
  });

  it('should not text a VIP without SMS consent, and say so in the timeline', async () => {
    expect(shop.receivedBy('bea')).toEqual([GREETING('Bea')]);
    expect(twilio.messages().filter((message) => message.to === '+33698765432')).toEqual([]);
    const [passage] = (await shop.timeline('bea')).enrollments;
    expect(passage).toMatchObject({ status: 'completed', nodeId: 'vip-done' });
    expect(passage?.deliveries.find((delivery) => delivery.nodeId === 'vip-wish')).toMatchObject({
      channel: 'sms',
      status: 'suppressed',
      reason: 'no sms consent',
    });
  });

  it('should not greet twice in one year when the birthday is corrected after the greeting', async () => {
    await shop.identify('ben', { birthday: '1975-06-20' });

    await setClock(stack, '2027-06-18T12:00:00Z');

    expect(shop.receivedBy('ben')).toEqual([GREETING('Ben')]);
    expect((await shop.timeline('ben')).enrollments).toHaveLength(1);
  });

  it('should greet again the next year, a Feb 29 birthday on Feb 26 of a leap year and the VIP on Feb 29', async () => {
    const lastYear = [GREETING('Leap'), VIP_TEXT('Leap')];
    await expectSentAt('leap', '2028-02-26T15:00:00Z', lastYear, [...lastYear, GREETING('Leap')]);
    await expectSentAt('leap', '2028-02-29T15:00:00Z', [...lastYear, GREETING('Leap')], [...lastYear, ...lastYear]);
    await expectSentAt('dai', '2028-03-07T01:00:00Z', [GREETING('Dai')], [GREETING('Dai'), GREETING('Dai')]);
    await setClock(stack, '2028-03-11T00:00:00Z');
    expect(shop.receivedBy('chie')).toEqual([GREETING('Chie'), VIP_TEXT('Chie'), GREETING('Chie'), VIP_TEXT('Chie')]);
  });

  it("should give a new code each year, and the new year's code in the new year's text", async () => {
    const [first, second] = await shop.couponsOf('leap');
    expect(second?.code).not.toBe(first?.code);
    expect(second?.issuedAt.toISOString()).toBe('2028-02-26T15:00:00.000Z');
    expect(second?.expiresAt?.toISOString()).toBe('2028-03-11T15:00:00.000Z');
    expect(shop.textsTo('leap').map((text) => text.match(/BDAY-[A-Z0-9]+/)?.[0])).toEqual([first?.code, second?.code]);
    expect(nth(shop.mailsTo('leap'), -1).text).toContain(String(second?.code));
  });

  // Once a year means once per calendar year in the customer's zone, so a greeting that comes an hour or a
  // day earlier than last year's (summer time, Feb 29 birthdays) still gets in.
  it('should greet at 10:00 local when that comes earlier in UTC than last year (summer time already on)', async () => {
    // 27 March 2028 is summer time in Paris: 10:00 local is 08:00 UTC, an hour earlier than the 2027 greeting.
    await expectSentAt(
      'ana',
      '2028-03-27T08:00:00Z',
      [GREETING('Ana'), VIP_TEXT('Ana')],
      [GREETING('Ana'), VIP_TEXT('Ana'), GREETING('Ana')],
    );
  });

  it('should greet on the corrected birthday the next year, and nobody more than once a year', async () => {
    // Ben's corrected birthday is 20 June: 17 June 2028 at 10:00 CEST.
    await expectSentAt('ben', '2028-06-17T08:00:00Z', [GREETING('Ben')], [GREETING('Ben'), GREETING('Ben')]);
    await setClock(stack, '2028-12-31T12:00:00Z');
    expect(shop.receivedBy('leap')).toHaveLength(4);
    expect(shop.receivedBy('chie')).toHaveLength(4);
    expect(shop.receivedBy('dai')).toHaveLength(2);
    expect(shop.receivedBy('ben')).toHaveLength(2);
    // One code per greeting, none given twice across customers and years.
    const customers = ['leap', 'chie', 'dai', 'kiri', 'ana', 'ben', 'bea'];
    const codes = (await Promise.all(customers.map(shop.couponsOf))).flat();
    expect(codes).toHaveLength(2 * customers.length);
    expect(new Set(codes.map((coupon) => coupon.code)).size).toBe(2 * customers.length);
  });

  it('should greet a Feb 29 birthday on Feb 25 the year after a leap year', async () => {
    // Greeted on 26 February 2028, then due on 25 February 2029: one day short of a full year later.
    await expectSentAt('leap', '2029-02-25T15:00:00Z', Array(4).fill(expect.any(String)), [
      ...Array(4).fill(expect.any(String)),
      GREETING('Leap'),
    ]);
  });
});
