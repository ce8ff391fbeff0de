// The keys the mirror can be read by (besides side, object and id), as SQL expressions
// over record_json. Migration 007 indexes each one with the very same expression.
// The email key trims every character JavaScript's String.prototype.trim does (SQLite's
// trim() strips only spaces unless told) and lower-cases ASCII, as normaliseEmail does
// for any address it accepts (an accepted address is ASCII once lower-cased; a raw one
// whose non-ASCII letters lower-case to ASCII, such as the Kelvin sign, is not found).
const JS_WHITESPACE = [
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a,
  0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
];

export const MIRROR_KEY_SQL = {
  job: `json_extract(record_json, '$.jobUuid')`,
  company: `json_extract(record_json, '$.companyUuid')`,
  email: `lower(trim(json_extract(record_json, '$.email'), char(${JS_WHITESPACE.join(', ')})))`,
  xref: `json_extract(record_json, '$.metadata.servicem8_uuid')`,
  customer: `json_extract(record_json, '$.customerId')`,
  jobXref: `json_extract(record_json, '$.metadata.servicem8_job_uuid')`,
} as const;

export type MirrorKey = keyof typeof MIRROR_KEY_SQL;
