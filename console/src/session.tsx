import { createContext, useContext } from 'react';
import type { Role } from '../../src/domain/access/index.ts';
import type { Output } from './api.ts';

/** Who is logged in, the labels of the law's closed sets, and the agencies in scope: as the contract gives them. */
export type Me = Output<'me'>;
export type Grant = Me['roles'][number];
export type Agency = Output<'listAgencies'>['items'][number];
export type Meta = Output<'consoleMeta'>;

export const SessionContext = createContext<{ me: Me; meta: Meta; agencies: Agency[]; logout: () => void } | null>(
  null,
);

export function useSession() {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}

export const hasRole = (me: Me, ...roles: Role[]) => me.roles.some((g) => (roles as string[]).includes(g.role));
/** The region a supervisor watches: the last code of its path. */
export const supervisedRegion = (me: Me) =>
  me.roles
    .find((g) => g.role === 'supervisor')
    ?.regionPath?.split('/')
    .pop() ?? null;
export const ownAgency = (me: Me) => me.roles.find((g) => g.agencyId)?.agencyId ?? null;
