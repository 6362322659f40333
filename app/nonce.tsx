import { createContext, useContext } from "react";

/** The per-request CSP nonce, handed from entry.server to the inline scripts of the layout. */
export const NonceContext = createContext<string | undefined>(undefined);
export const useNonce = () => useContext(NonceContext);
