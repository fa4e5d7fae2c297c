import { signTwilioRequest, verifyTwilioSignature } from './twilio-signature';

// Twilio's published validation example (same vectors in twilio-php / twilio-csharp RequestValidatorTest).
const authToken = '12345';
const url = 'https://mycompany.com/myapp.php?foo=1&bar=2';
const params = {
  CallSid: 'CA1234567890ABCDE',
  Caller: '+14158675309',
  Digits: '1234',
  From: '+14158675309',
  To: '+18005551212',
};
const signature = 'RSOYDt4T1cUTdK1PDd93/VVr8B8=';

describe('signTwilioRequest', () => {
  it('should reproduce the documented signature when given the documented request', () => {
    expect(signTwilioRequest({ authToken, url, params })).toBe(signature);
  });

  it('should sign each distinct value once, sorted, when a parameter repeats', () => {
    const sut = signTwilioRequest({
      authToken,
      url,
      params: { Sid: 'CA123', SidAccount: 'AC123', Digits: ['5678', '1234', '1234'] },
    });

    expect(sut).toBe('IK+Dwps556ElfBT0I3Rgjkr1wJU=');
  });

  it('should not depend on parameter order when the same params arrive shuffled', () => {
    const shuffled = {
      To: params.To,
      Digits: params.Digits,
      CallSid: params.CallSid,
      From: params.From,
      Caller: params.Caller,
    };

    expect(signTwilioRequest({ authToken, url, params: shuffled })).toBe(signature);
  });
});

describe('verifyTwilioSignature', () => {
  it.each([
    ['the documented request', url, signature],
    ['the URL carries a port Twilio did not sign', url.replace('.com', '.com:1234'), signature],
    ['Twilio signed the https default port', url, 'kvajT1Ptam85bY51eRf/AJRuM3w='],
    ['Twilio signed the http default port', url.replace('https', 'http'), '0ZXoZLH/DfblKGATFgpif+LLRf4='],
    [
      'Twilio signed a non-default http port',
      url.replace('https', 'http').replace('.com', '.com:1234'),
      'Zmvh+3yNM1Phv2jhDCwEM3q5ebU=',
    ],
  ])('should accept when %s', (_case, requestUrl, header) => {
    expect(verifyTwilioSignature({ authToken, url: requestUrl, params, signature: header })).toBe(true);
  });

  it.each([
    ['a parameter was tampered with', { authToken, url, params: { ...params, Digits: '9999' }, signature }],
    ['a parameter was added', { authToken, url, params: { ...params, Extra: '1' }, signature }],
    ['the URL differs', { authToken, url: `${url}&extra=1`, params, signature }],
    ['the auth token differs', { authToken: '54321', url, params, signature }],
    ['the signature has the wrong length', { authToken, url, params, signature: 'abc' }],
    ['the signature is non-ASCII', { authToken, url, params, signature: 'RSOYDt4T1cUTdK1PDd93/VVr8B王' }],
    ['the signature is empty', { authToken, url, params, signature: '' }],
    ['the header is missing', { authToken, url, params, signature: undefined }],
    ['the header is repeated', { authToken, url, params, signature: [signature, signature] }],
  ])('should reject without throwing when %s', (_case, input) => {
    expect(verifyTwilioSignature(input)).toBe(false);
  });
});
