// Keyed reads of the mirror, so a cycle with a few changes reads the rows they touch
// instead of every row of an object: expression indexes over the record JSON (they
// cover rows written before this migration too, with no backfill). The expressions
// must stay identical to the ones MirrorRepository.listByKey queries with
// (mirror-keys.ts), or SQLite will not use these indexes.
//  - job: jobUuid (ServiceM8 job lines, job payments)
//  - company: companyUuid (ServiceM8 contacts, jobs)
//  - email: the email as matching compares it, trimmed and lower-cased (contacts, Stripe customers)
//  - xref: a Stripe customer's metadata.servicem8_uuid (the ServiceM8 client it names)
//  - customer: a Stripe invoice's customerId
//  - jobXref: a Stripe invoice's metadata.servicem8_job_uuid (the ServiceM8 job it names)
import { MIRROR_KEY_SQL } from '../repositories/mirror-keys';

export const up = `
CREATE INDEX mirror_by_job ON mirror (side, object, ${MIRROR_KEY_SQL.job});
CREATE INDEX mirror_by_company ON mirror (side, object, ${MIRROR_KEY_SQL.company});
CREATE INDEX mirror_by_email ON mirror (side, object, ${MIRROR_KEY_SQL.email});
CREATE INDEX mirror_by_xref ON mirror (side, object, ${MIRROR_KEY_SQL.xref});
CREATE INDEX mirror_by_customer ON mirror (side, object, ${MIRROR_KEY_SQL.customer});
CREATE INDEX mirror_by_jobXref ON mirror (side, object, ${MIRROR_KEY_SQL.jobXref});
`;
