// What a Sydney plumbing and electrical business sells: name, unit price in dollars,
// whether it is usually quoted tax-inclusive, and whether it is GST-free; and the
// badges and job categories it uses.
import { stableUuid } from './seed-tools';
export interface CatalogueItem {
  name: string;
  price: string;
  inclusive: boolean;
  gstFree?: boolean;
  trade: 'plumbing' | 'electrical' | 'both';
}

export const CATALOGUE: CatalogueItem[] = [
  { name: 'Call-out fee', price: '88.00', inclusive: true, trade: 'both' },
  { name: 'Labour - licensed plumber (per hour)', price: '110.00', inclusive: false, trade: 'plumbing' },
  { name: 'Labour - licensed electrician (per hour)', price: '105.00', inclusive: false, trade: 'electrical' },
  { name: 'Labour - apprentice (per hour)', price: '65.00', inclusive: false, trade: 'both' },
  { name: 'Hot water system 250L electric', price: '1450.00', inclusive: true, trade: 'plumbing' },
  { name: 'Tap washer and O-ring kit', price: '12.50', inclusive: false, trade: 'plumbing' },
  { name: 'Mixer tap - chrome', price: '189.95', inclusive: true, trade: 'plumbing' },
  { name: 'Blocked drain clearing (jet rodder)', price: '220.00', inclusive: false, trade: 'plumbing' },
  { name: 'CCTV drain inspection', price: '280.00', inclusive: false, trade: 'plumbing' },
  { name: 'Toilet cistern inlet valve', price: '45.90', inclusive: true, trade: 'plumbing' },
  { name: 'RCD safety switch', price: '185.00', inclusive: false, trade: 'electrical' },
  { name: 'LED downlight 10W', price: '34.99', inclusive: true, trade: 'electrical' },
  { name: 'Double power point', price: '65.00', inclusive: false, trade: 'electrical' },
  { name: 'Smoke alarm 240V interconnected', price: '129.00', inclusive: true, trade: 'electrical' },
  { name: 'Switchboard upgrade', price: '1890.00', inclusive: false, trade: 'electrical' },
  { name: 'Test and tag (per item)', price: '6.60', inclusive: true, trade: 'electrical' },
  { name: 'Council inspection fee', price: '165.00', inclusive: false, gstFree: true, trade: 'both' },
  { name: 'Sydney Water plumbing permit', price: '98.35', inclusive: false, gstFree: true, trade: 'plumbing' },
];

/** Not in the catalogue: a warranty return is a line with no charge. */
export const WARRANTY_LINE: CatalogueItem = { name: 'Warranty callback - no charge', price: '0.00', inclusive: false, trade: 'both' };

export const itemByName = (name: string): CatalogueItem => {
  const item = CATALOGUE.find((c) => c.name === name);
  if (!item) throw new Error(`no catalogue item ${name}`);
  return item;
};

export const materialUuid = (item: CatalogueItem): string => stableUuid('material', item.name);

export const BADGES = {
  commercial: { uuid: stableUuid('badge', 'Commercial'), name: 'Commercial' },
  strata: { uuid: stableUuid('badge', 'Strata'), name: 'Strata' },
  vip: { uuid: stableUuid('badge', 'VIP'), name: 'VIP' },
  warranty: { uuid: stableUuid('badge', 'Warranty'), name: 'Warranty' },
  afterHours: { uuid: stableUuid('badge', 'After Hours'), name: 'After Hours' },
} as const;

export const CATEGORIES = {
  plumbing: { uuid: stableUuid('category', 'Plumbing'), name: 'Plumbing', colour: '#2a7de1' },
  hotWater: { uuid: stableUuid('category', 'Hot Water'), name: 'Hot Water', colour: '#e15b2a' },
  drainage: { uuid: stableUuid('category', 'Drainage'), name: 'Drainage', colour: '#6d4c41' },
  electrical: { uuid: stableUuid('category', 'Electrical'), name: 'Electrical', colour: '#f0a202' },
  maintenance: { uuid: stableUuid('category', 'Maintenance Contract'), name: 'Maintenance Contract', colour: '#4caf50' },
} as const;

export const JOB_DESCRIPTIONS: Record<'plumbing' | 'electrical', string[]> = {
  plumbing: [
    'Leaking kitchen mixer tap',
    'Replace hot water system',
    'Blocked sewer line in backyard',
    'Running toilet cistern',
    'Burst pipe under bathroom vanity',
    'Install new dishwasher connection',
    'Annual backflow test',
    'Low water pressure investigation',
  ],
  electrical: [
    'Safety switch keeps tripping',
    'Install downlights in living room',
    'Switchboard upgrade',
    'Add power points to home office',
    'Smoke alarm compliance upgrade',
    'Test and tag office equipment',
    'Outdoor lighting not working',
    'EV charger circuit quote',
  ],
};
