// Placeholder: built by its own task.
export default function Merchant() {
  return <h1>Merchant</h1>;
}
