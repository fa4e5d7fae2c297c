import type { ArgumentsHost } from '@nestjs/common';
import { NotFoundException } from '@nestjs/common';
import pino from 'pino';
import { z } from 'zod';
import { ApiError, notFound } from './api-error';
import { ApiExceptionFilter } from './api-exception.filter';
import { parseBody } from './parse-body';

type Answer = { status: number; body: { error: Record<string, unknown> } };

/** What the filter answers for an error thrown while serving a request with these headers (and this member). */
const answerTo = (error: unknown, headers: Record<string, string> = {}, memberLocale?: string): Answer => {
  const answer = { status: 0, body: { error: {} } } as Answer;
  const response = {
    status(code: number) {
      answer.status = code;
      return this;
    },
    json(body: Answer['body']) {
      answer.body = body;
    },
  };
  const request = {
    method: 'GET',
    path: '/api/nowhere',
    headers,
    ...(memberLocale ? { actor: { kind: 'session', session: { user: { locale: memberLocale } } } } : {}),
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => request }),
  } as unknown as ArgumentsHost;
  new ApiExceptionFilter(pino({ level: 'silent' })).catch(error, host);
  return answer;
};

const templateSchema = z.object({
  name: z.string().min(1),
  subject: z.string().min(1, 'field.template.subject-required'),
});
const refusedTemplate = (): unknown => {
  try {
    return parseBody(templateSchema, { name: '', subject: '' }, 'template');
  } catch (error) {
    return error;
  }
};

describe('ApiExceptionFilter', () => {
  it('should word a refusal in the language the request asks for, and in English otherwise', () => {
    const error = new ApiError('conflict', { key: 'api.audience.exists', params: { key: 'vip' } });

    expect(answerTo(error, { 'accept-language': 'zh-CN,zh;q=0.9' })).toEqual({
      status: 409,
      body: { error: { code: 'conflict', message: '受众“vip”已存在。' } },
    });
    expect(answerTo(error).body.error['message']).toBe('An audience "vip" already exists.');
  });

  it('should prefer a signed-in member’s stored language over what the browser sends', () => {
    const sut = answerTo(notFound('journey', 'j-1'), { 'accept-language': 'en-US' }, 'zh-CN');

    expect(sut).toEqual({ status: 404, body: { error: { code: 'not_found', message: '找不到旅程 j-1。' } } });
  });

  it('should name each wrong field of a body in the reader’s language, in the issues and in the sentence', () => {
    const chinese = answerTo(refusedTemplate(), { 'accept-language': 'zh-CN' });
    const english = answerTo(refusedTemplate());

    expect(chinese.status).toBe(400);
    expect(chinese.body.error).toEqual({
      code: 'invalid_request',
      message: '模板无效：name: 至少 1 个字符；subject: 请填写主题。',
      issues: [
        { path: ['name'], message: '至少 1 个字符' },
        { path: ['subject'], message: '请填写主题' },
      ],
    });
    expect(english.body.error['message']).toBe(
      'The template is not valid: name: use at least 1 character; subject: write a subject.',
    );
  });

  it('should keep the details a screen needs beside the words (a role refusal says which roles)', () => {
    const error = new ApiError(
      'forbidden',
      { key: 'api.auth.forbidden', params: { needed: 'admin', role: 'viewer' } },
      { role: 'viewer', needed: 'admin' },
    );

    expect(answerTo(error, { 'accept-language': 'zh' }).body.error).toEqual({
      code: 'forbidden',
      message: '此操作需要管理员角色；你在此处是查看者。',
      role: 'viewer',
      needed: 'admin',
    });
  });

  it('should answer an unknown route in words and an unexpected failure without its details', () => {
    expect(answerTo(new NotFoundException(), { 'accept-language': 'zh-CN' }).body.error).toEqual({
      code: 'not_found',
      message: '接口中没有 GET /api/nowhere。',
    });
    const crash = answerTo(new Error('password=hunter2 in a stack'));
    expect(crash).toEqual({
      status: 500,
      body: { error: { code: 'internal', message: 'Something went wrong on our side; it has been logged.' } },
    });
  });
});
