import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CapturedMail } from './captured-mail';

export type MailStore = { messages(): CapturedMail[]; clear(): void };

export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// The mail bodies are untrusted; the page itself runs no script, and the body iframe is sandboxed.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src http: https: data:; frame-src 'self'";

const STYLE = `body{font:14px system-ui,sans-serif;margin:2rem;color:#222}table{border-collapse:collapse;width:100%}
td,th{padding:.4rem .6rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:top}
iframe{width:100%;height:60vh;border:1px solid #ccc}pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}`;

const page = (title: string, body: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
  `<style>${STYLE}</style></head><body>${body}</body></html>`;

const listPage = (mails: CapturedMail[]): string => {
  const rows = [...mails]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to.join(', '))}</td>` +
        `<td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(m.subject || '(no subject)')}</a></td></tr>`,
    )
    .join('');
  return page(
    'Rapport mail sink',
    `<h1>Rapport mail sink</h1><p>${mails.length} message(s). Clear with <code>DELETE /api/messages</code>.</p>` +
      `<table><thead><tr><th>Received</th><th>To</th><th>Subject</th></tr></thead><tbody>${rows}</tbody></table>`,
  );
};

const messagePage = (m: CapturedMail): string => {
  const headers = Object.entries(m.headers)
    .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
    .join('');
  return page(
    m.subject,
    `<p><a href="/">&larr; all messages</a></p><h1>${escapeHtml(m.subject || '(no subject)')}</h1>` +
      `<p>From ${escapeHtml(m.from)} to ${escapeHtml(m.to.join(', '))} at ${escapeHtml(m.receivedAt)}</p>` +
      // srcdoc is an attribute: escaping it once is exactly what the browser undoes.
      `<h2>HTML</h2><iframe sandbox="" srcdoc="${escapeHtml(m.html)}"></iframe>` +
      `<h2>Text</h2><pre>${escapeHtml(m.text)}</pre><h2>Headers</h2><table>${headers}</table>`,
  );
};

const send = (res: ServerResponse, status: number, type: string, body: string): void => {
  res.writeHead(status, {
    'content-type': `${type}; charset=utf-8`,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  });
  res.end(body);
};

/** Request handler for the sink's web viewer and its small JSON API. */
export const createMailViewerHandler =
  (store: MailStore) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://sink').pathname;
    const method = req.method ?? 'GET';
    if (method === 'GET' && path === '/') return send(res, 200, 'text/html', listPage(store.messages()));
    if (path === '/api/messages') {
      if (method === 'GET') return send(res, 200, 'application/json', JSON.stringify(store.messages()));
      if (method === 'DELETE') {
        store.clear();
        res.writeHead(204).end();
        return;
      }
    }
    const match = /^\/(api\/)?messages\/([^/]+)$/.exec(path);
    if (method === 'GET' && match) {
      const id = decodeURIComponent(match[2] ?? '');
      const mail = store.messages().find((m) => m.id === id);
      if (!mail) return send(res, 404, 'text/plain', 'Not found');
      return match[1]
        ? send(res, 200, 'application/json', JSON.stringify(mail))
        : send(res, 200, 'text/html', messagePage(mail));
    }
    send(res, 404, 'text/plain', 'Not found');
  };
