// Placeholder: built by its own task.
export default function Staking() {
  return <h1>Staking</h1>;
}
