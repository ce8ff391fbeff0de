// Links as one planning pass sees them: the stored ones plus those found earlier in the
// same pass, so a second record matching the same partner is not linked to it again.
export interface LinkLookup {
  stripeIdFor(servicem8Id: string): string | null;
  servicem8IdFor(stripeId: string): string | null;
}

export class PlanningLinks implements LinkLookup {
  private readonly toStripe = new Map<string, string>();
  private readonly toServicem8 = new Map<string, string>();

  constructor(private readonly stored: LinkLookup) {}

  add(servicem8Id: string, stripeId: string): void {
    this.toStripe.set(servicem8Id, stripeId);
    this.toServicem8.set(stripeId, servicem8Id);
  }

  stripeIdFor(id: string): string | null {
    return this.toStripe.get(id) ?? this.stored.stripeIdFor(id);
  }

  servicem8IdFor(id: string): string | null {
    return this.toServicem8.get(id) ?? this.stored.servicem8IdFor(id);
  }
}

/** The stored links of one entity, through the store's links repository. */
export function storedLinks(
  links: {
    byServiceM8Id(entity: string, id: string): { stripeId: string } | null;
    byStripeId(entity: string, id: string): { servicem8Id: string } | null;
  },
  entity: string,
): LinkLookup {
  return {
    stripeIdFor: (id) => links.byServiceM8Id(entity, id)?.stripeId ?? null,
    servicem8IdFor: (id) => links.byStripeId(entity, id)?.servicem8Id ?? null,
  };
}
