/**
 * What a request log may say of a request: method, path and query — with the values of credentials in the query
 * (the 查询码 of the tracking and letters routes, tokens) hidden. Logs are files on disk; a query code there is a
 * key to someone's case.
 */
const SECRET_PARAMS = new Set(['code', 'querycode', 'token', 'password', 'totp']);

export function redactedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const parts = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq < 0 ? pair : pair.slice(0, eq);
      let decoded = name;
      try {
        decoded = decodeURIComponent(name.replace(/\+/g, ' '));
      } catch {
        // a malformed name is logged as it came (it carries no value of ours)
      }
      return eq >= 0 && SECRET_PARAMS.has(decoded.trim().toLowerCase()) ? `${name}=[已隐藏]` : pair;
    });
  return `${url.slice(0, q)}?${parts.join('&')}`;
}

/** The request serializer of the server's logger: Fastify's fields, the URL redacted. */
export function requestLogFields(req: {
  method?: string;
  url?: string;
  host?: string;
  ip?: string;
  socket?: { remotePort?: number };
}) {
  return {
    method: req.method,
    url: redactedUrl(req.url ?? ''),
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  };
}
