/**
 * The 复议机关 and the court a letter names, proposed from the region tree (letters.md, 救济途径); the agency's
 * administrator may set others (vertically led bodies, 行政复议法第二十七条; 集中管辖 of administrative cases).
 */
import type { AGENCY_KINDS } from './agency-input.ts';

export interface RegionLink {
  code: string;
  name: string;
}

export type RegionLevel = 'province' | 'city' | 'county';

/** GB/T 2260: 省级 ends in 0000, 地级 in 00, the rest are 县级. */
export function regionLevel(code: string): RegionLevel {
  return code.endsWith('0000') ? 'province' : code.endsWith('00') ? 'city' : 'county';
}

export interface ProposedBodies {
  reviewBody: string | null;
  court: string | null;
}

/**
 * `regions`: the agency's region, then its ancestors; `governments`: the name of the 人民政府 registered for a
 * region, where there is one (else "<region>人民政府").
 */
export function proposeAppealBodies(
  agency: { name: string; kind: (typeof AGENCY_KINDS)[number] },
  regions: readonly RegionLink[],
  governments: ReadonlyMap<string, string>,
): ProposedBodies {
  const [here, up] = regions;
  if (!here) return { reviewBody: null, court: null };
  const government = (r: RegionLink | undefined) => (r ? (governments.get(r.code) ?? `${r.name}人民政府`) : null);
  const level = regionLevel(here.code);
  // 行政诉讼法第十四条、第十八条: the 基层人民法院 where the agency is — known from the tree for a county-level region.
  const basicCourt = level === 'county' ? `${here.name}人民法院` : null;
  switch (agency.kind) {
    case 'government':
      // 行政复议法第二十四条第一款第（二）项: the government one level up; 第二款: a province's own government.
      // 行政诉讼法第十五条第（一）项: a county-level or higher government is sued at the 中级人民法院 — the city's.
      if (level === 'province') return { reviewBody: agency.name, court: null };
      return {
        reviewBody: government(up),
        court: level === 'city' ? `${here.name}中级人民法院` : up ? `${up.name}中级人民法院` : null,
      };
    case 'township':
      // 第二十四条第一款第（二）项: a 乡镇人民政府's acts go to the county government of its region.
      return { reviewBody: government(here), court: basicCourt };
    case 'department':
    case 'dispatched':
    case 'other':
      // 第二十四条第一款第（一）、（三）、（四）项: the government of the same level.
      return { reviewBody: government(here), court: basicCourt };
    default: {
      const never: never = agency.kind;
      throw new Error(`unknown agency kind ${never}`);
    }
  }
}
