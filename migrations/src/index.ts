import { Foundation1732300000000 } from './1732300000000-foundation';
import { OrganisationSearch1732400000000 } from './1732400000000-organisation-search';
import { RelationshipCore1732500000000 } from './1732500000000-relationship-core';
import { Opportunities1732600000000 } from './1732600000000-opportunities';
import { Reports1732700000000 } from './1732700000000-reports';
import { Assessment1732800000000 } from './1732800000000-assessment';
import { MatchingKeys1732900000000 } from './1732900000000-matching-keys';
import { Merge1733000000000 } from './1733000000000-merge';
import { DataQuality1733100000000 } from './1733100000000-data-quality';
import { Import1733200000000 } from './1733200000000-import';
import { DuplicatePairs1733300000000 } from './1733300000000-duplicate-pairs';
import { OrganisationRegistryAndSize1733350000000 } from './1733350000000-organisation-registry-and-size';
import { AdminSetup1733400000000 } from './1733400000000-admin-setup';
import { HeBciBasis1733600000000 } from './1733600000000-hebci-basis';
import { OrganisationAliases1733700000000 } from './1733700000000-organisation-aliases';
import { RegistryImportTruth1733800000000 } from './1733800000000-registry-import-truth';
import { Integrations1734000000000 } from './1734000000000-integrations';
import { Sso1734100000000 } from './1734100000000-sso';
import { Privacy1734200000000 } from './1734200000000-privacy';
import { ReadHotspots1734300000000 } from './1734300000000-read-hotspots';
import { DuplicateScanIndex1734400000000 } from './1734400000000-duplicate-scan-index';
import { OrganisationView1734600000000 } from './1734600000000-organisation-view';
import { PipelineBoard1734700000000 } from './1734700000000-pipeline-board';
import { ImportMatchIndex1734800000000 } from './1734800000000-import-match-index';
import { GoingColdSnapshot1734850000000 } from './1734850000000-going-cold-snapshot';
import { SearchTerms1734900000000 } from './1734900000000-search-terms';
import { OrganisationListIndex1734950000000 } from './1734950000000-organisation-list-index';
import { OrganisationPeopleIndex1735000000000 } from './1735000000000-organisation-people-index';
import { SearchTermsSetInsert1735100000000 } from './1735100000000-search-terms-set-insert';
import { HeBciContractYears1735200000000 } from './1735200000000-hebci-contract-years';
import { OrganisationUnusedIndexes1735400000000 } from './1735400000000-organisation-unused-indexes';
import { ImportMatchAreaBuckets1735500000000 } from './1735500000000-import-match-area-buckets';

/** Every migration, oldest first. Add new ones at the end (generate with `npm run migration:generate -- Name`). */
export const migrations = [
  Foundation1732300000000, OrganisationSearch1732400000000, RelationshipCore1732500000000, Opportunities1732600000000,
  Reports1732700000000, Assessment1732800000000, MatchingKeys1732900000000, Merge1733000000000,
  DataQuality1733100000000, Import1733200000000, DuplicatePairs1733300000000, OrganisationRegistryAndSize1733350000000,
  AdminSetup1733400000000, HeBciBasis1733600000000, OrganisationAliases1733700000000, RegistryImportTruth1733800000000,
  Integrations1734000000000, Sso1734100000000, Privacy1734200000000, ReadHotspots1734300000000,
  DuplicateScanIndex1734400000000, OrganisationView1734600000000, PipelineBoard1734700000000, ImportMatchIndex1734800000000,
  GoingColdSnapshot1734850000000, SearchTerms1734900000000, OrganisationListIndex1734950000000,
  OrganisationPeopleIndex1735000000000, SearchTermsSetInsert1735100000000, HeBciContractYears1735200000000,
  OrganisationUnusedIndexes1735400000000, ImportMatchAreaBuckets1735500000000,
];
