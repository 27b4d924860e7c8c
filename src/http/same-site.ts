import type { FastifyRequest } from 'fastify';

/**
 * Whether a request is a navigation the user made on this site, or typed into the address bar: Fetch Metadata
 * (`Sec-Fetch-Site: same-origin` or `none`), or, from a browser that sends none, a Referer on this host. A link
 * or image on another site (`cross-site`, `same-site`, or a stripped Referer) is not.
 */
export function sameOriginNavigation(req: FastifyRequest): boolean {
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined) return site === 'same-origin' || site === 'none';
  const referer = req.headers.referer;
  if (!referer) return false;
  try {
    return new URL(referer).host === req.host;
  } catch {
    return false;
  }
}
