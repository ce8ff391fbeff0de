// A job's invoice lines from its materials: quantity (exact decimal text), the unit as
// entered in ServiceM8 (4 dp of a dollar kept, as cents text for Stripe), and the
// tax rate of each line with its inclusive/exclusive flag. Totals are computed the way
// each side rounds (money/line.ts): ServiceM8's 4-dp-then-cent and Stripe's exact
// product rounded once, so a gap between the two is known before anything is sent.
import { createHash } from 'node:crypto';
import { invoiceTotals, lineAmountCents, percentToBasisPoints, serviceM8LineAmountCents, type LineGst } from '../../money';
import type { Material, TaxRate } from './types';

export interface LineTaxRate {
  /** Our tag for the Stripe tax rate (found by metadata, created once). */
  code: string;
  displayName: string;
  /** Percent as decimal text ("10", "0"). */
  percent: string;
  inclusive: boolean;
}

export interface BuiltLine {
  materialUuid: string;
  description: string;
  quantity: string;
  /** Unit amount in cents as exact decimal text ("4545.45"); null when the line is sent as a total. */
  unitAmountDecimal: string | null;
  /** The line total Stripe will compute (sent as `amount` for a negative line). */
  amountCents: number;
  taxInclusive: boolean;
  rateBp: number;
  taxRate: LineTaxRate;
  servicem8: LineGst;
  stripe: LineGst;
}

export interface Totals {
  incCents: number;
  exCents: number;
  gstCents: number;
}

export interface BuiltInvoice {
  lines: BuiltLine[];
  servicem8: Totals;
  /** What Stripe's totals should come to for these lines. */
  stripe: Totals;
  /** Changes when anything that reaches the Stripe invoice's lines changes. */
  fingerprint: string;
}

export type BuildResult = { ok: true; invoice: BuiltInvoice } | { ok: false; code: 'unknown_tax_rate' | 'bad_line'; reason: string };

/** "45.4545" dollars → "4545.45" cents, by moving the decimal point: exact, no arithmetic. */
export function dollarsToCentsText(dollars: string): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(dollars.trim());
  if (!match) throw new Error(`not a decimal amount: ${JSON.stringify(dollars)}`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  const padded = fraction.padEnd(2, '0');
  const cents = `${whole}${padded.slice(0, 2)}`.replace(/^0+(?=\d)/, '');
  const rest = padded.slice(2).replace(/0+$/, '');
  const text = rest ? `${cents}.${rest}` : cents;
  return /^0(\.0*)?$/.test(text) ? '0' : `${sign}${text}`;
}

function taxRateOf(rate: TaxRate | null, inclusive: boolean): LineTaxRate {
  const percent = rate?.ratePercent ?? '0';
  if (percentToBasisPoints(percent) === 0) return { code: 'gst-free', displayName: 'GST-free', percent: '0', inclusive: false };
  if (percentToBasisPoints(percent) === 1000)
    return { code: `gst-10-${inclusive ? 'inclusive' : 'exclusive'}`, displayName: 'GST', percent: '10', inclusive };
  return {
    code: `tax-${percent}-${inclusive ? 'inclusive' : 'exclusive'}`,
    displayName: rate?.name || `Tax ${percent}%`,
    percent,
    inclusive,
  };
}

export function buildLines(materials: readonly Material[], taxRates: ReadonlyMap<string, TaxRate>): BuildResult {
  const active = materials.filter((m) => m.active).sort((a, b) => a.sortOrder - b.sortOrder || a.uuid.localeCompare(b.uuid));
  const lines: BuiltLine[] = [];
  for (const material of active) {
    const name = material.name.trim() || 'Item';
    let rate: TaxRate | null = null;
    if (material.taxRateUuid) {
      rate = taxRates.get(material.taxRateUuid) ?? null;
      if (!rate || !rate.active)
        return {
          ok: false,
          code: 'unknown_tax_rate',
          reason: rate
            ? `the line "${name}" uses the tax rate ${rate.name ? `"${rate.name}" ` : ''}that is no longer active in ServiceM8; choose another tax rate on the line`
            : `the line "${name}" uses a tax rate ServiceM8 no longer has; choose another tax rate on the line`,
        };
    }
    let rateBp: number;
    try {
      rateBp = percentToBasisPoints(rate?.ratePercent ?? '0');
    } catch {
      return {
        ok: false,
        code: 'unknown_tax_rate',
        reason: `the line "${name}" has a tax rate Stripe cannot hold (${rate?.ratePercent}%)`,
      };
    }
    const taxInclusive = rateBp > 0 && material.displayedAmountIsTaxInclusive;
    const unitCents = dollarsToCentsText(material.displayedAmountDecimal);
    const negative = unitCents.startsWith('-') || material.quantity.startsWith('-');
    const servicem8Amount = serviceM8LineAmountCents(material.quantity, material.displayedAmountDecimal);
    const stripeAmount = lineAmountCents(material.quantity, unitCents);
    const [sm8] = invoiceTotals([{ amountCents: servicem8Amount, rateBp, taxInclusive }], 'servicem8').lines;
    const [stripe] = invoiceTotals([{ amountCents: stripeAmount, rateBp, taxInclusive }], 'stripe').lines;
    lines.push({
      materialUuid: material.uuid,
      description: negative ? `${name} (${material.quantity} × ${material.displayedAmountDecimal})` : name,
      quantity: material.quantity,
      unitAmountDecimal: negative ? null : unitCents,
      amountCents: stripeAmount,
      taxInclusive,
      rateBp,
      taxRate: taxRateOf(rate, taxInclusive),
      servicem8: sm8!,
      stripe: stripe!,
    });
  }
  const sum = (pick: (l: BuiltLine) => LineGst): Totals => ({
    incCents: lines.reduce((s, l) => s + pick(l).incCents, 0),
    exCents: lines.reduce((s, l) => s + pick(l).exCents, 0),
    gstCents: lines.reduce((s, l) => s + pick(l).gstCents, 0),
  });
  const shape = lines.map((l) => [l.description, l.quantity, l.unitAmountDecimal, l.amountCents, l.taxRate.code]);
  const fingerprint = createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 20);
  return { ok: true, invoice: { lines, servicem8: sum((l) => l.servicem8), stripe: sum((l) => l.stripe), fingerprint } };
}
