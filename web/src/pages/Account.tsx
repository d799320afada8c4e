// /account: the connected wallet's activity (see src/account/).
import { AccountPage } from "../account/AccountPage.tsx";

export default function Account() {
  return <AccountPage />;
}
