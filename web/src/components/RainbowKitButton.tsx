// RainbowKit's connect button and modals, loaded on the first click of WalletButton; the modal
// that click asked for opens as soon as they are ready.
import { useEffect, useRef } from "react";
import { ConnectButton, RainbowKitProvider, useAccountModal, useConnectModal } from "@rainbow-me/rainbowkit";
import "@rainbow-me/rainbowkit/styles.css";

function OpenOnLoad() {
  const { openConnectModal } = useConnectModal();
  const { openAccountModal } = useAccountModal();
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current) return;
    const open = openAccountModal ?? openConnectModal;
    if (open) {
      opened.current = true;
      open();
    }
  }, [openConnectModal, openAccountModal]);
  return null;
}

export default function RainbowKitButton() {
  return (
    <RainbowKitProvider>
      <ConnectButton label="Connect wallet" showBalance={false} chainStatus="icon" accountStatus="address" />
      <OpenOnLoad />
    </RainbowKitProvider>
  );
}
