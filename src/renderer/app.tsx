export function App() {
  return (
    <main>
      <h1>sm8sync</h1>
      <p>ServiceM8 ⇄ Stripe sync.</p>
    </main>
  );
}
