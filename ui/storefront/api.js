// The compat REST client of the storefront: the {code,msg,data} envelope and the customer's `authentication`
// header, signing in (again) when there is no token or the server refuses it.
import { session } from './session.js';
import { withQuery } from '/shared/query_string.js';

class ApiError extends Error {
  constructor(message, status) { super(message); this.status = status; }
}

async function send(method, path, { query, body, whole = false, retried = false } = {}) {
  let token = session.token();
  if (!token) token = await session.signIn();
  const headers = { authentication: token };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(withQuery(path, query), { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError('network', 0);
  }
  if (res.status === 401 && !retried) {
    await session.signIn();
    return send(method, path, { query, body, whole, retried: true });
  }
  let env;
  try { env = await res.json(); } catch { throw new ApiError(`HTTP ${res.status}`, res.status); }
  if (env.code !== 1) throw new ApiError(env.msg || env.message || `HTTP ${res.status}`, res.status);
  return whole ? env : env.data;
}

export const api = {
  get: (path, query) => send('GET', path, { query }),
  post: (path, body, query) => send('POST', path, { body, query }),
  put: (path, body, query) => send('PUT', path, { body, query }),
  del: (path, query) => send('DELETE', path, { query }),
  // postForMessage answers the whole envelope: some successes carry a message for the customer.
  postForMessage: (path, body) => send('POST', path, { body, whole: true }),
};
