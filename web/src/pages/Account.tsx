// Placeholder: built by its own task.
export default function Account() {
  return <h1>Account</h1>;
}
