import { ApiError } from '../../api/api-client';
import { fieldErrorsOf } from './member-errors';

describe('fieldErrorsOf', () => {
  it('should put each validation issue next to its field when the server answers 400 with issues', () => {
    const error = new ApiError(400, 'invalid_request', 'Invalid member. email: is not an email address', [], {
      issues: [
        { path: ['email'], message: 'is not an email address' },
        { path: ['password'], message: 'needs at least 10 characters' },
      ],
    });
    expect(fieldErrorsOf(error)).toEqual({
      fields: { email: 'is not an email address', password: 'needs at least 10 characters' },
      general: null,
    });
  });

  it("should show the server's sentence at the field it names when an accounts error has a field", () => {
    const error = new ApiError(
      400,
      'invalid_request',
      'new@shop.example has no Rapport account yet: give a first password.',
      [],
      {
        field: 'password',
        reason: 'password-required',
      },
    );
    expect(fieldErrorsOf(error).fields.password).toBe(
      'new@shop.example has no Rapport account yet: give a first password.',
    );
  });

  it('should keep a refusal without a field general when the last admin would go', () => {
    const error = new ApiError(
      409,
      'conflict',
      'This is the last admin of the workspace: make someone else admin first.',
      [],
      {
        reason: 'last-admin',
      },
    );
    expect(fieldErrorsOf(error)).toEqual({
      fields: {},
      general: 'This is the last admin of the workspace: make someone else admin first.',
    });
  });

  it('should keep an issue about an unknown field general when the path names no form field', () => {
    const error = new ApiError(400, 'invalid_request', 'Invalid member. nickname: unknown key', [], {
      issues: [{ path: ['nickname'], message: 'unknown key' }],
    });
    expect(fieldErrorsOf(error)).toEqual({ fields: {}, general: 'Invalid member. nickname: unknown key' });
  });
});
