// Canonical values → what each API is sent. Phones are written in the business's
// chosen format (compared as E.164, so the format never causes a change), AU
// mobiles go to ServiceM8's `mobile` field and other numbers to `phone`.
import type { PhoneFormat } from '../normalise/phone';
import { formatPhone } from '../normalise/phone';
import type { Sm8CompanyWrite, Sm8ContactWrite, StripeCustomerWrite } from './ports';
import type { Address, ClientFields, ClientRecord, TwoWayField } from './types';

const COUNTRY_NAMES: Record<string, string> = { AU: 'Australia', NZ: 'New Zealand' };

export function isMobile(e164: string): boolean {
  return e164.startsWith('+614');
}

export function stripeWrite(fields: Partial<Pick<ClientFields, TwoWayField>>, phoneFormat: PhoneFormat): StripeCustomerWrite {
  const write: StripeCustomerWrite = {};
  if ('name' in fields) write.name = fields.name ?? null;
  if ('email' in fields) write.email = fields.email ?? null;
  if ('phone' in fields) write.phone = formatPhone(fields.phone ?? null, phoneFormat);
  if ('address' in fields) write.address = fields.address ?? null;
  return write;
}

export function servicem8CompanyWrite(fields: Partial<ClientFields>): Sm8CompanyWrite {
  const write: Sm8CompanyWrite = {};
  if ('name' in fields) write.name = fields.name ?? '';
  if ('abn' in fields && fields.abn) write.abn_number = fields.abn;
  if ('address' in fields) Object.assign(write, servicem8Address(fields.address ?? null));
  return write;
}

function servicem8Address(address: Address | null): Sm8CompanyWrite {
  const street = [address?.line1, address?.line2].filter(Boolean).join(', ');
  return {
    address_street: street,
    address_city: address?.city ?? '',
    address_state: address?.state ?? '',
    address_postcode: address?.postalCode ?? '',
    address_country: address?.country ? (COUNTRY_NAMES[address.country] ?? address.country) : '',
  };
}

/**
 * Contact fields for email/phone. The phone goes to `mobile` or `phone` by its kind;
 * when it moves from one field to the other, the field it came from is cleared so the
 * old number does not keep winning the comparison.
 */
export function servicem8ContactWrite(
  fields: Partial<Pick<ClientFields, 'email' | 'phone'>>,
  current: ClientRecord | null,
  phoneFormat: PhoneFormat,
): Sm8ContactWrite {
  const write: Sm8ContactWrite = {};
  if ('email' in fields) write.email = fields.email ?? '';
  if ('phone' in fields) {
    const phone = fields.phone ?? null;
    const target = phone !== null && isMobile(phone) ? 'mobile' : 'phone';
    write[target] = formatPhone(phone, phoneFormat) ?? '';
    const source = current?.phoneSource ?? null;
    if (source !== null && source !== target) write[source] = '';
  }
  return write;
}

export function splitName(name: string | null): { first: string; last: string } {
  if (!name) return { first: '', last: '' };
  const at = name.lastIndexOf(' ');
  return at < 0 ? { first: name, last: '' } : { first: name.slice(0, at), last: name.slice(at + 1) };
}
