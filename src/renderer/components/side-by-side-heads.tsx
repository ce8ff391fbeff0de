// The three money columns every comparison table ends with: ServiceM8, Stripe and the
// difference (Stripe minus ServiceM8), right-aligned as numbers.
export function SideBySideHeads() {
  return (
    <>
      <th scope="col" className="num">
        ServiceM8
      </th>
      <th scope="col" className="num">
        Stripe
      </th>
      <th scope="col" className="num">
        Difference
      </th>
    </>
  );
}
