import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { client, data, type Schemas } from './api';

/** A legal citation as the catalogue gives it. */
export type Citation = Schemas['Citation'];
export type AwardDef = Schemas['AwardDefinition'];
export type CatalogueVersion = Schemas['CatalogueVersion'];

/** The catalogue version in force on a date (the end of the achievement period decides, as the API does). */
export function versionFor(versions: CatalogueVersion[], date: string): CatalogueVersion | undefined {
  return versions.find((v) => v.effectiveFrom <= date && (!v.effectiveTo || date <= v.effectiveTo)) ?? versions[versions.length - 1];
}

const CatalogueContext = createContext<CatalogueVersion[] | undefined>(undefined);

/** The award catalogue (public law), loaded once: award names everywhere come from it, not from a copy. */
export function CatalogueProvider({ children }: { children: ReactNode }) {
  const [versions, setVersions] = useState<CatalogueVersion[]>();
  useEffect(() => {
    data(client.GET('/catalogue')).then(setVersions, () => setVersions([]));
  }, []);
  return <CatalogueContext.Provider value={versions}>{children}</CatalogueContext.Provider>;
}

export function useCatalogue(): CatalogueVersion[] | undefined {
  return useContext(CatalogueContext);
}

/** An award's name in the chosen language from the newest version that has it; the code otherwise. */
export function awardName(versions: CatalogueVersion[] | undefined, code: string, lang: 'vi' | 'en'): string {
  const award = [...(versions ?? [])].reverse().map((v) => awardsOf(v)[code]).find(Boolean);
  return award ? (lang === 'vi' ? award.nameVi : award.nameEn) : code;
}

/** A version's awards by code: codes arrive as plain strings (from a nomination, a URL, a form). */
export function awardsOf(version: CatalogueVersion): Record<string, AwardDef | undefined> {
  return version.awards;
}
