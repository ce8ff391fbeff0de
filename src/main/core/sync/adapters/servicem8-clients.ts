// Adapts the ServiceM8 connector to the client pair's port: records into the
// mirror's shape, the connector's change cursor kept as opaque JSON.
import {
  ServiceM8ApiError,
  type ChangeCursor,
  type RejectedRecord,
  type ServiceM8Client,
  type Sm8Company as WireCompany,
  type Sm8CompanyContact as WireContact,
} from '../../connectors/servicem8/index';
import type { Pulled, Rejected, ServiceM8ClientsPort } from '../clients/ports';
import type { Sm8Company, Sm8Contact } from '../clients/types';

const blank = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value.trim() === '' ? null : value;

function toCompany(r: WireCompany): Sm8Company {
  return {
    uuid: r.uuid,
    name: blank(r.name),
    abn: blank(r.abnNumber),
    address: {
      street: blank(r.addressStreet),
      city: blank(r.addressCity),
      state: blank(r.addressState),
      postcode: blank(r.addressPostcode),
      country: blank(r.addressCountry),
    },
    isIndividual: r.isIndividual,
    badges: r.badges,
    active: r.active,
    editedAt: r.editDate || null,
  };
}

function toContact(r: WireContact): Sm8Contact {
  return {
    uuid: r.uuid,
    companyUuid: r.companyUuid ?? '',
    first: blank(r.first),
    last: blank(r.last),
    email: blank(r.email),
    phone: blank(r.phone),
    mobile: blank(r.mobile),
    type: blank(r.type),
    isPrimary: r.isPrimaryContact,
    active: r.active,
    editedAt: r.editDate || null,
  };
}

const toRejected = (r: RejectedRecord): Rejected => ({ id: r.uuid, object: r.object, reason: r.reason });

function parseCursor(cursor: string | null): ChangeCursor | null {
  return cursor === null ? null : (JSON.parse(cursor) as ChangeCursor);
}

export function servicem8ClientsPort(client: ServiceM8Client): ServiceM8ClientsPort {
  async function pull<T, U>(
    object: 'company' | 'companycontact',
    cursor: string | null,
    map: (r: T) => U,
    signal?: AbortSignal,
  ): Promise<Pulled<U>> {
    const result = await client.listChangedSince(object, parseCursor(cursor), signal ? { signal } : {});
    return { records: (result.records as T[]).map(map), rejected: result.rejected.map(toRejected), cursor: JSON.stringify(result.cursor) };
  }
  const opts = (signal?: AbortSignal) => (signal ? { signal } : {});
  const exists = async (object: 'company' | 'companycontact', uuid: string, signal?: AbortSignal) => {
    try {
      const found = await client.get(object, uuid, opts(signal));
      return found.records.length + found.rejected.length > 0;
    } catch (error) {
      if (error instanceof ServiceM8ApiError && error.kind === 'not_found') return false;
      throw error;
    }
  };
  const getOne = async <T, U>(object: 'company' | 'companycontact', uuid: string, map: (r: T) => U, signal?: AbortSignal) => {
    try {
      const found = await client.get(object, uuid, opts(signal));
      const record = found.records[0] as T | undefined;
      return record === undefined ? null : map(record);
    } catch (error) {
      if (error instanceof ServiceM8ApiError && error.kind === 'not_found') return null;
      throw error;
    }
  };
  return {
    getCompany: (uuid, signal) => getOne<WireCompany, Sm8Company>('company', uuid, toCompany, signal),
    getContact: (uuid, signal) => getOne<WireContact, Sm8Contact>('companycontact', uuid, toContact, signal),
    pullCompanies: (cursor, signal) => pull<WireCompany, Sm8Company>('company', cursor, toCompany, signal),
    pullContacts: (cursor, signal) => pull<WireContact, Sm8Contact>('companycontact', cursor, toContact, signal),
    companyExists: (uuid, signal) => exists('company', uuid, signal),
    contactExists: (uuid, signal) => exists('companycontact', uuid, signal),
    createCompany: async (uuid, fields, signal) => {
      await client.create('company', { ...fields }, { uuid, ...opts(signal) });
    },
    updateCompany: (uuid, fields, signal) => client.update('company', uuid, { ...fields }, opts(signal)),
    archiveCompany: (uuid, signal) => client.remove('company', uuid, opts(signal)),
    createContact: async (uuid, fields, signal) => {
      await client.create('companycontact', { ...fields }, { uuid, ...opts(signal) });
    },
    updateContact: (uuid, fields, signal) => client.update('companycontact', uuid, { ...fields }, opts(signal)),
  };
}
