// The demo business's clients. The first six are shared with the Stripe demo seed
// (same billing emails) so the demo sync has real matches to make; the rest carry the
// mess real data has: duplicate and missing emails, mixed phone formats, a bad ABN.

export interface DemoClient {
  name: string;
  individual: boolean;
  /** Billing contact; null = no email on file. */
  first: string;
  last: string;
  email: string | null;
  /** 'valid' means generate a checksum-valid ABN; any other text is used as is (malformed on purpose), or a literal (malformed) value, or none. */
  abn?: string;
  suburb: string;
  /** A second, JOB-type contact (site contact). */
  siteContact?: { first: string; last: string; email: string | null };
}

export const SHARED_CLIENTS: DemoClient[] = [
  {
    name: 'Harbour View Cafe Pty Ltd',
    individual: false,
    first: 'Maria',
    last: 'Costa',
    email: 'accounts@harbourviewcafe.com.au',
    abn: 'valid',
    suburb: 'Milsons Point',
    siteContact: { first: 'Tom', last: 'Reilly', email: 'tom@harbourviewcafe.com.au' },
  },
  { name: 'Sarah Nguyen', individual: true, first: 'Sarah', last: 'Nguyen', email: 'Sarah.Nguyen@example.com', suburb: 'Marrickville' },
  {
    name: 'Bondi Plumbing Supplies',
    individual: false,
    first: 'Greg',
    last: 'Hollis',
    email: 'office@bondiplumbingsupplies.com.au',
    abn: 'valid',
    suburb: 'Bondi Junction',
  },
  { name: "James O'Connor", individual: true, first: 'James', last: "O'Connor", email: 'james.oconnor@example.net', suburb: 'Randwick' },
  {
    name: 'Parramatta Dental Group',
    individual: false,
    first: 'Anita',
    last: 'Desai',
    email: 'admin@parramattadental.com.au',
    abn: 'valid',
    suburb: 'Parramatta',
    siteContact: { first: 'Ken', last: 'Ho', email: null },
  },
  {
    name: 'North Shore Grammar',
    individual: false,
    first: 'Facilities',
    last: 'Office',
    email: 'facilities@northshoreschool.nsw.edu.au',
    abn: 'valid',
    suburb: 'Chatswood',
    siteContact: { first: 'Brian', last: 'Walsh', email: 'b.walsh@northshoreschool.nsw.edu.au' },
  },
];

const BUSINESSES: [string, string, string, string, string | null, string][] = [
  ['Coogee Bay Real Estate', 'Lisa', 'Marsh', 'Lisa', 'rentals@coogeebayre.com.au', 'Coogee'],
  ['Manly Surf Hostel', 'Dean', 'Fraser', 'Dean', 'bookings@manlysurfhostel.com.au', 'Manly'],
  ['Inner West Property Management', 'Rachel', 'Kim', 'Rachel', 'maintenance@iwpm.com.au', 'Leichhardt'],
  ['Chatswood Medical Centre', 'Peter', 'Lau', 'Peter', 'practice.manager@chatswoodmedical.com.au', 'Chatswood'],
  ['Surry Hills Bakehouse', 'Nadia', 'Haddad', 'Nadia', 'nadia@surryhillsbakehouse.com.au', 'Surry Hills'],
  ['Newtown Vet Clinic', 'Owen', 'Price', 'Owen', null, 'Newtown'],
  ['Ryde Aged Care', 'Helen', 'Zhou', 'Helen', 'accounts@rydeagedcare.org.au', 'Ryde'],
  ['Penrith Panel Beaters', 'Steve', 'Mitchell', 'Steve', 'steve@penrithpanel.com.au', 'Penrith'],
  ['Cronulla Fish Market', 'Tony', 'Russo', 'Tony', 'tony@cronullafish.com.au', 'Cronulla'],
  ['Marrickville Brewing Co', 'Jess', 'Parker', 'Jess', 'hello@marrickvillebrewing.com.au', 'Marrickville'],
  ['Hornsby Childcare Centre', 'Amy', 'Collins', 'Amy', 'director@hornsbychildcare.com.au', 'Hornsby'],
  ['Strathfield Strata Services', 'Raj', 'Iyer', 'Raj', 'strata@strathfieldstrata.com.au', 'Strathfield'],
  ['Randwick Physio', 'Kate', 'Sullivan', 'Kate', 'reception@randwickphysio.com.au', 'Randwick'],
  ['Liverpool Auto Electrics', 'Sam', 'Haddad', 'Sam', 'sam@liverpoolautoelec.com.au', 'Liverpool'],
];

const PEOPLE: [string, string, string | null, string][] = [
  ['Michael', 'Smith', 'msmith@example.com', 'Epping'],
  ['Mike', 'Smith', 'msmith@example.com', 'Epping'], // the same person entered twice: a duplicate email
  ['Emily', 'Chen', 'emily.chen@example.com', 'Burwood'],
  ['David', 'Wilson', 'dwilson@example.org', 'Castle Hill'],
  ['Olivia', 'Brown', null, 'Kogarah'],
  ['Daniel', 'Patel', 'daniel.patel@example.com', 'Blacktown'],
  ['Chloe', 'Taylor', 'CHLOE.TAYLOR@EXAMPLE.COM', 'Balmain'],
  ['Liam', 'Murphy', 'liam.murphy@example.net', 'Dee Why'],
  ['Priya', 'Sharma', 'priya.sharma@example.com', 'Westmead'],
  ['Thomas', 'Anderson', null, 'Lane Cove'],
  ['Grace', 'Lee', 'grace.lee@example.com', 'Hurstville'],
  ['Jack', 'Thompson', 'jack.t@example.com', 'Sutherland'],
  ['Mia', 'Wang', 'mia.wang@example.com', 'Eastwood'],
  ['Noah', 'Williams', 'noah.williams@example.com', 'Cronulla'],
  ['Zoe', 'Papadopoulos', 'zoe.p@example.com', 'Earlwood'],
  ['Ethan', 'Kelly', null, 'Penrith'],
  ['Ava', 'Martin', 'ava.martin@example.com', 'Mosman'],
  ['Hannah', "O'Brien", 'hannah.obrien@example.com', 'Maroubra'],
  ['Ryan', 'Walker', 'ryan.walker@example.com', 'Campsie'],
  ['Jasmine', 'Ali', 'jasmine.ali@example.com', 'Auburn'],
];

export function demoClients(): DemoClient[] {
  const businesses = BUSINESSES.map(([name, first, last, , email, suburb], index): DemoClient => ({
    name,
    individual: false,
    first,
    last,
    email,
    suburb,
    // One business has a malformed ABN (8 digits) and one none at all.
    abn: index === 7 ? '12 345 678' : index === 9 ? undefined : 'valid',
  }));
  const people = PEOPLE.map(([first, last, email, suburb]): DemoClient => ({
    name: `${first} ${last}`,
    individual: true,
    first,
    last,
    email,
    suburb,
  }));
  return [...SHARED_CLIENTS, ...businesses, ...people];
}
