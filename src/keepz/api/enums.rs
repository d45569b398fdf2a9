//! The closed and open value sets of Keepz requests (currencies, receiver types, providers, ...).
//!
//! Values payseal sends and that the specification lists in full are *closed* (a typo is refused
//! before sealing). Where the specification lists only examples ("EN, KA, ..."), or none, the enum
//! is *open*: it names the known values and carries any other text as given, so an integrator is
//! never blocked by payseal lagging behind Keepz.

use crate::wire_enum::wire_enum;

wire_enum! { closed;
    /// A Keepz currency (`currency`, `acquiringCurrency`, `distributionCurrency`). GEL is Keepz's
    /// default when `currency` is omitted.
    pub enum Currency {
        /// Georgian lari.
        Gel = "GEL",
        /// US dollar.
        Usd = "USD",
        /// Euro.
        Eur = "EUR",
    }
}

wire_enum! { open Other;
    /// The checkout page's language (`language`). The specification lists "EN, KA, ...".
    pub enum Language {
        /// English.
        En = "EN",
        /// Georgian.
        Ka = "KA",
    }
}

wire_enum! { closed;
    /// Who receives money: `receiverType` (create order: only `BRANCH`), split and refund details.
    pub enum ReceiverType {
        /// A Keepz branch (the only receiver type create order accepts; Keepz error 6024).
        Branch = "BRANCH",
        /// A Keepz user (split details).
        User = "USER",
        /// A bank account (split details).
        Iban = "IBAN",
    }
}

wire_enum! { closed;
    /// A bank whose checkout page the order links to directly (`directLinkProvider`).
    pub enum DirectLinkProvider {
        /// Bank of Georgia.
        Bog = "BOG",
        /// TBC Bank.
        Tbc = "TBC",
        /// Credo Bank.
        Credo = "CREDO",
        /// Keepz's default page.
        Default = "DEFAULT",
    }
}

wire_enum! { open Other;
    /// The bank of an open-banking link (`openBankingLinkProvider`). The specification lists no
    /// values; the Georgian banks of [`DirectLinkProvider`] are named, any other text is sent as
    /// given.
    pub enum OpenBankingLinkProvider {
        /// Bank of Georgia.
        Bog = "BOG",
        /// TBC Bank.
        Tbc = "TBC",
        /// Credo Bank.
        Credo = "CREDO",
    }
}

wire_enum! { open Other;
    /// The lender of an instalment payment (`installmentPaymentProvider`, sent with
    /// `personalNumber` and `isForeign`). The specification lists no values; the Georgian banks
    /// are named, any other text is sent as given.
    pub enum InstallmentPaymentProvider {
        /// Bank of Georgia.
        Bog = "BOG",
        /// TBC Bank.
        Tbc = "TBC",
        /// Credo Bank.
        Credo = "CREDO",
    }
}

wire_enum! { closed;
    /// Who pays Keepz's commission (`commissionType`).
    pub enum CommissionType {
        /// The payer.
        Sender = "SENDER",
        /// The merchant.
        Receiver = "RECEIVER",
        /// Shared.
        Both = "BOTH",
    }
}

wire_enum! { closed;
    /// Who starts a refund (`refundInitiator`).
    pub enum RefundInitiator {
        /// The integrator's system.
        Integrator = "INTEGRATOR",
        /// An operator.
        Operator = "OPERATOR",
    }
}

wire_enum! { closed;
    /// How often a subscription charges (`subscriptionPlan.interval`).
    pub enum SubscriptionInterval {
        /// Every month (times `intervalCount`).
        Monthly = "MONTHLY",
        /// Every week (times `intervalCount`).
        Weekly = "WEEKLY",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn closed_refuses_open_keeps() {
        assert_eq!(serde_json::to_string(&Currency::Gel).unwrap(), "\"GEL\"");
        assert_eq!(
            serde_json::from_str::<Currency>("\"usd\"").unwrap(),
            Currency::Usd
        );
        assert!(serde_json::from_str::<Currency>("\"GBP\"").is_err());
        assert_eq!(
            "GBP".parse::<Currency>().unwrap_err().kind(),
            ErrorKind::InvalidRequest
        );
        let ru = Language::from_wire("RU");
        assert_eq!(ru, Language::Other("RU".into()));
        assert_eq!(serde_json::to_string(&ru).unwrap(), "\"RU\"");
        assert!(!ru.is_known());
        assert_eq!(Currency::ALL.len(), 3);
    }
}
