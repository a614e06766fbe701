import { InitialSchema1764000000000 } from './1764000000000-InitialSchema';
import { NomineeRecords1764050000000 } from './1764050000000-NomineeRecords';
import { Councils1764060000000 } from './1764060000000-Councils';
import { EmailClaim1764070000000 } from './1764070000000-EmailClaim';
import { AuditLog1764080000000 } from './1764080000000-AuditLog';
import { Documents1764090000000 } from './1764090000000-Documents';
import { TrustBoundary1764100000000 } from './1764100000000-TrustBoundary';
import { FairAndClosed1764110000000 } from './1764110000000-FairAndClosed';
import { TheLaw1764120000000 } from './1764120000000-TheLaw';
import { RunId1764130000000 } from './1764130000000-RunId';
import { ClusterLeadership1764140000000 } from './1764140000000-ClusterLeadership';
import { DecisionDocuments1764150000000 } from './1764150000000-DecisionDocuments';
import { InboxSearch1764160000000 } from './1764160000000-InboxSearch';
import { DossierNumbers1764170000000 } from './1764170000000-DossierNumbers';
import { Drafts1764180000000 } from './1764180000000-Drafts';
import { TaskRead1764190000000 } from './1764190000000-TaskRead';
import { ListImports1764200000000 } from './1764200000000-ListImports';
import { Registrations1764210000000 } from './1764210000000-Registrations';
import { EmulationClusters1764220000000 } from './1764220000000-EmulationClusters';
import { PhaseReviews1764230000000 } from './1764230000000-PhaseReviews';
import { ExemplaryModels1764240000000 } from './1764240000000-ExemplaryModels';
import { BallotKeyPool1764250000000 } from './1764250000000-BallotKeyPool';
import { HistoryArchive1764260000000 } from './1764260000000-HistoryArchive';
import { TransparencyLog1764270000000 } from './1764270000000-TransparencyLog';
import { BallotBox1764280000000 } from './1764280000000-BallotBox';
import { NamesakeDeclarations1764290000000 } from './1764290000000-NamesakeDeclarations';

/** In order. A new migration is added here and never edited once it has landed. */
export const MIGRATIONS = [InitialSchema1764000000000, NomineeRecords1764050000000, Councils1764060000000, EmailClaim1764070000000, AuditLog1764080000000, Documents1764090000000, TrustBoundary1764100000000, FairAndClosed1764110000000, TheLaw1764120000000, RunId1764130000000, ClusterLeadership1764140000000, DecisionDocuments1764150000000, InboxSearch1764160000000, DossierNumbers1764170000000, Drafts1764180000000, TaskRead1764190000000, ListImports1764200000000, Registrations1764210000000, EmulationClusters1764220000000, PhaseReviews1764230000000, ExemplaryModels1764240000000, BallotKeyPool1764250000000, HistoryArchive1764260000000, TransparencyLog1764270000000, BallotBox1764280000000, NamesakeDeclarations1764290000000];
