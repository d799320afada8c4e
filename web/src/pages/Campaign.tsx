// Placeholder: built by its own task.
export default function Campaign() {
  return <h1>Campaign</h1>;
}
