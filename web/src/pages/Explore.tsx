// Placeholder: built by its own task.
export default function Explore() {
  return <h1>Explore</h1>;
}
