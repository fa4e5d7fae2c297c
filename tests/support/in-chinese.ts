import type { Stack } from './stack';

/** A management API call as a program in Shanghai would make it: the API key and a Chinese Accept-Language. */
export const fetchInChinese = (stack: Stack, method: string, path: string, body?: unknown): Promise<Response> =>
  fetch(`${stack.apiUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${stack.apiKey}`,
      'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

/** The same call, its JSON answer read. */
export const inChinese = async (stack: Stack, method: string, path: string, body?: unknown) => {
  const response = await fetchInChinese(stack, method, path, body);
  return { status: response.status, body: await response.json() };
};
