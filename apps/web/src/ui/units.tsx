import { useEffect, useState } from 'react';
import { client, data, type Schemas } from '../api';
import { useI18n } from '../i18n/i18n';

type Unit = Schemas['OrgUnitRow'];

/** The organisation changes rarely: one request per page load, shared by every picker and name. */
let loaded: Promise<Unit[]> | undefined;
function loadUnits(): Promise<Unit[]> {
  loaded ??= data(client.GET('/org/units')).then((r) => r.items, (e: unknown) => {
    loaded = undefined;
    throw e;
  });
  return loaded;
}

/** The units, and a unit's name by id in the reader's language (the id itself while loading, or for a unit unknown here). */
export function useUnits(): { units: Unit[]; nameOf(id: string | null | undefined): string } {
  const { pick } = useI18n();
  const [units, setUnits] = useState<Unit[]>([]);
  useEffect(() => {
    let live = true;
    loadUnits().then((u) => live && setUnits(u), () => undefined);
    return () => {
      live = false;
    };
  }, []);
  const byId = new Map(units.map((u) => [u.id, u]));
  const nameOf = (id: string | null | undefined) => {
    if (!id) return '—';
    const u = byId.get(id);
    return u ? pick(u.nameVi, u.nameEn) : id;
  };
  return { units, nameOf };
}

/** Units in tree order (each after its parent), with their depth. */
export function unitTree(units: Unit[]): { unit: Unit; depth: number }[] {
  const children = new Map<string | null, Unit[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const u of units) {
    const parent = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), u]);
  }
  const out: { unit: Unit; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) => a.nameVi.localeCompare(b.nameVi, 'vi'));
    for (const unit of list) {
      out.push({ unit, depth });
      walk(unit.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/**
 * Picks a unit by name, in the organisation's tree: each unit indented under its parent, ceased
 * ones marked. A native select, so typing the first letters of a name jumps to it, with a keyboard
 * and a screen reader as with a mouse.
 */
export function UnitPicker({ id, value, onChange, anyLabel }: { id?: string; value: string; onChange(id: string): void; anyLabel: string }) {
  const { t, pick } = useI18n();
  const { units } = useUnits();
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{anyLabel}</option>
      {unitTree(units).map(({ unit, depth }) => (
        <option key={unit.id} value={unit.id}>
          {`${'\u00a0\u00a0'.repeat(depth)}${pick(unit.nameVi, unit.nameEn)}${unit.validTo ? ` (${t('units.ceased')})` : ''}`}
        </option>
      ))}
      {value && !units.some((u) => u.id === value) && <option value={value}>{value}</option>}
    </select>
  );
}
