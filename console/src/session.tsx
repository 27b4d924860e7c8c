import { createContext, useContext } from 'react';

export interface Grant {
  role: string;
  agencyId: string | null;
  regionPath: string | null;
}
export interface Me {
  id: string;
  username: string;
  displayName: string;
  roles: (Grant & { label: string })[];
  csrfToken?: string;
}
export interface Agency {
  id: string;
  name: string;
  kind: string;
  regionCode: string;
  regionName: string;
  creditCode: string;
}
export interface Meta {
  outcomes: { value: string; label: string }[];
  caseStates: Record<string, string>;
  caseEvents: Record<string, string>;
  channels: Record<string, string>;
  applicantTypes: Record<string, string>;
  forms: Record<string, string>;
  idTypes: string[];
  itemStates: Record<string, string>;
  genres: Record<string, string>;
  articleItems: Record<string, string>;
  topics: string[];
  validity: Record<string, string>;
  disclosure: Record<string, string>;
  roles: Record<string, string>;
  indicators: Record<string, { label: string; measure: string; basis: string }>;
  concernSources: Record<string, string>;
  reportStatuses: Record<string, string>;
}

export const SessionContext = createContext<{ me: Me; meta: Meta; agencies: Agency[]; logout: () => void } | null>(
  null,
);

export function useSession() {
  const s = useContext(SessionContext);
  if (!s) throw new Error('no session');
  return s;
}

export const hasRole = (me: Me, ...roles: string[]) => me.roles.some((g) => roles.includes(g.role));
/** The region a supervisor watches: the last code of its path. */
export const supervisedRegion = (me: Me) =>
  me.roles
    .find((g) => g.role === 'supervisor')
    ?.regionPath?.split('/')
    .pop() ?? null;
export const ownAgency = (me: Me) => me.roles.find((g) => g.agencyId)?.agencyId ?? null;
