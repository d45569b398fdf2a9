//! How a TransactPay order is paid (`paymentoption`).

use crate::wire_enum::wire_enum;

wire_enum! { closed;
    /// A payment option, spelled as TransactPay's documentation spells it.
    pub enum PaymentOption {
        /// Card: `C`.
        Card = "C",
        /// Bank transfer: `bank-transfer`.
        BankTransfer = "bank-transfer",
        /// Opay wallet: `Opay`.
        Opay = "Opay",
    }
}
