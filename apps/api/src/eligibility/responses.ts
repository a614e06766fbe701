import type { CatalogueVersion } from '@vinhdanh/domain/catalogue';
import type { EmulationMovement } from '@vinhdanh/domain/movement';

/** Every version of the award catalogue, oldest first. */
export type CatalogueVersions = CatalogueVersion[];

export type EmulationMovements = EmulationMovement[];
