import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from './api';
/** A legal citation as the catalogue gives it (libs/domain/src/catalogue/types.ts). */
export interface Citation { instrument: string; article?: string; clause?: string; point?: string; source?: string; note?: { vi: string; en: string } }

export interface AwardDef {
  code: string;
  nameVi: string;
  nameEn: string;
  tier: string;
  recipientKinds: string[];
  decidingLevel: string;
  simplifiedProcedureAllowed: boolean;
  requiredDocuments: { code: string; vi: string; en: string; citation: Citation[] }[];
}
export interface CatalogueVersion { version: string; effectiveFrom: string; effectiveTo?: string; awards: Record<string, AwardDef> }

/** The catalogue version in force on a date (the end of the achievement period decides, as the API does). */
export function versionFor(versions: CatalogueVersion[], date: string): CatalogueVersion | undefined {
  return versions.find((v) => v.effectiveFrom <= date && (!v.effectiveTo || date <= v.effectiveTo)) ?? versions[versions.length - 1];
}

const CatalogueContext = createContext<CatalogueVersion[] | undefined>(undefined);

/** The award catalogue (public law), loaded once: award names everywhere come from it, not from a copy. */
export function CatalogueProvider({ children }: { children: ReactNode }) {
  const [versions, setVersions] = useState<CatalogueVersion[]>();
  useEffect(() => {
    api.get<CatalogueVersion[]>('/catalogue').then(setVersions, () => setVersions([]));
  }, []);
  return <CatalogueContext.Provider value={versions}>{children}</CatalogueContext.Provider>;
}

export function useCatalogue(): CatalogueVersion[] | undefined {
  return useContext(CatalogueContext);
}

/** An award's name in the chosen language from the newest version that has it; the code otherwise. */
export function awardName(versions: CatalogueVersion[] | undefined, code: string, lang: 'vi' | 'en'): string {
  const award = [...(versions ?? [])].reverse().map((v) => v.awards[code]).find(Boolean);
  return award ? (lang === 'vi' ? award.nameVi : award.nameEn) : code;
}
