// OAuth scopes the simulator accepts: ServiceM8's published master list (reference §2,
// S1) plus the payment and tax-rate scopes its endpoints use although the list omits
// them. `read_security_roles` is documented but rejected live, so it is not here.
export const VALID_SCOPES: ReadonlySet<string> = new Set([
  'staff_locations',
  'staff_activity',
  'publish_sms',
  'publish_email',
  'vendor',
  'vendor_logo',
  'vendor_email',
  'read_locations',
  'manage_locations',
  'read_staff',
  'manage_staff',
  'read_customers',
  'manage_customers',
  'read_customer_contacts',
  'manage_customer_contacts',
  'read_jobs',
  'manage_jobs',
  'create_jobs',
  'read_job_contacts',
  'manage_job_contacts',
  'read_job_materials',
  'manage_job_materials',
  'read_job_categories',
  'manage_job_categories',
  'read_job_queues',
  'manage_job_queues',
  'read_tasks',
  'manage_tasks',
  'read_schedule',
  'manage_schedule',
  'read_inventory',
  'manage_inventory',
  'read_job_notes',
  'publish_job_notes',
  'read_job_photos',
  'publish_job_photos',
  'read_attachments',
  'manage_attachments',
  'read_inbox',
  'read_messages',
  'manage_notifications',
  'manage_templates',
  'manage_badges',
  'read_assets',
  'manage_assets',
  'read_knowledge_base',
  'manage_knowledge_base',
  'read_job_payments',
  'manage_job_payments',
  'read_tax_rates',
  'manage_tax_rates',
]);

/**
 * Assumption A13: a `manage_*` scope implies its `read_*` counterpart is NOT granted
 * automatically; each request needs the exact scope the table names.
 */
export function hasScope(granted: ReadonlySet<string> | null, needed: string): boolean {
  return granted === null || granted.has(needed);
}
