// The compat REST client: the {code,msg,data} envelope and the session's `token` header.
import { session } from './session.js';
import { withQuery } from '/shared/query_string.js';

class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

// onUnauthorized is set by the app: a 401 ends the session and shows the login screen.
export const hooks = { onUnauthorized: () => {} };

async function send(method, path, { query, body, form, raw } = {}) {
  const headers = {};
  const tok = session.token();
  if (tok) headers.token = tok;
  let payload;
  if (form) payload = form;
  else if (body !== undefined) { headers['Content-Type'] = 'application/json'; payload = JSON.stringify(body); }
  let res;
  try {
    res = await fetch(withQuery(path, query), { method, headers, body: payload });
  } catch {
    throw new ApiError('network', 0);
  }
  if (res.status === 401) {
    hooks.onUnauthorized();
    throw new ApiError('unauthorized', 401);
  }
  if (res.status === 404) throw new ApiError('notfound', 404);
  if (raw) {
    if (!res.ok) throw new ApiError(`HTTP ${res.status}`, res.status);
    return res;
  }
  let env;
  try { env = await res.json(); } catch { throw new ApiError(`HTTP ${res.status}`, res.status); }
  if (env.code !== 1) throw new ApiError(env.msg || `HTTP ${res.status}`, res.status);
  return env.data;
}

export const api = {
  get: (path, query) => send('GET', path, { query }),
  post: (path, body, query) => send('POST', path, { body, query }),
  put: (path, body, query) => send('PUT', path, { body, query }),
  del: (path, query) => send('DELETE', path, { query }),
  upload: (path, file) => { const f = new FormData(); f.append('file', file); return send('POST', path, { form: f }); },
  blob: async (path, query) => (await send('GET', path, { query, raw: true })).blob(),
};
