/* Flattened from include/payseal.h for PHP FFI::cdef (no preprocessor). Generated: do not edit. */
typedef enum {
  PAYSEAL_OK = 0,
  PAYSEAL_NULL_ARGUMENT = 1,
  PAYSEAL_INVALID_UTF8 = 2,
  PAYSEAL_MALFORMED_KEY = 3,
  PAYSEAL_KEY_TOO_SMALL = 4,
  PAYSEAL_KEY_TOO_LARGE = 5,
  PAYSEAL_UNSUPPORTED_KEY = 6,
  PAYSEAL_PAYLOAD_TOO_LARGE = 7,
  PAYSEAL_BODY_TOO_LARGE = 8,
  PAYSEAL_CANNOT_OPEN = 9,
  PAYSEAL_GATEWAY_ERROR = 10,
  PAYSEAL_NOT_JSON = 11,
  PAYSEAL_EMPTY_BODY = 12,
  PAYSEAL_NOT_ENVELOPE = 13,
  PAYSEAL_INVALID_ARGUMENT = 14,
  PAYSEAL_MISSING_KEY = 15,
  PAYSEAL_CRYPTO = 16,
  PAYSEAL_BACKEND_UNAVAILABLE = 17,
  PAYSEAL_INVALID_AMOUNT = 18,
  PAYSEAL_INVALID_REQUEST = 19,
  PAYSEAL_UNEXPECTED_RESPONSE = 20,
  PAYSEAL_INVALID_LENGTH = 21,
  PAYSEAL_PANIC = 99,
} payseal_status;
typedef struct payseal_keepz payseal_keepz;
typedef struct payseal_keepz_diagnostics payseal_keepz_diagnostics;
typedef struct payseal_transactpay payseal_transactpay;
typedef struct {
  uint8_t *data;
  size_t len;
} payseal_buffer;
typedef struct {
  uint32_t padding;
  uint32_t legacy;
  size_t max_body;
  uint32_t backend;
} payseal_keepz_options;
bool payseal_backend_available(uint32_t backend);
void payseal_buffer_free(payseal_buffer *buffer);
payseal_status payseal_keepz_diagnostics_new(const uint8_t *private_key,
                                             size_t private_key_len,
                                             const payseal_keepz_options *options,
                                             payseal_keepz_diagnostics **out,
                                             payseal_buffer *error);
void payseal_keepz_diagnostics_free(payseal_keepz_diagnostics *handle);
payseal_status payseal_keepz_diagnostics_explain(const payseal_keepz_diagnostics *diagnostics,
                                                 const uint8_t *body,
                                                 size_t body_len,
                                                 uint32_t flags,
                                                 payseal_buffer *out,
                                                 payseal_buffer *error);
payseal_status payseal_keepz_new(const uint8_t *keepz_public_key,
                                 size_t keepz_public_key_len,
                                 const uint8_t *integrator_private_key,
                                 size_t integrator_private_key_len,
                                 const uint8_t *identifier,
                                 size_t identifier_len,
                                 const payseal_keepz_options *options,
                                 payseal_keepz **out,
                                 payseal_buffer *error);
void payseal_keepz_free(payseal_keepz *handle);
payseal_status payseal_keepz_seal(const payseal_keepz *keepz,
                                  const uint8_t *payload,
                                  size_t payload_len,
                                  payseal_buffer *out,
                                  payseal_buffer *error);
payseal_status payseal_keepz_seal_query(const payseal_keepz *keepz,
                                        const uint8_t *payload,
                                        size_t payload_len,
                                        payseal_buffer *out,
                                        payseal_buffer *error);
payseal_status payseal_keepz_open(const payseal_keepz *keepz,
                                  uint16_t http_status,
                                  const uint8_t *body,
                                  size_t body_len,
                                  payseal_buffer *out,
                                  payseal_buffer *error);
payseal_status payseal_keygen(uint32_t bits,
                              uint32_t backend,
                              uint32_t private_format,
                              uint32_t public_format,
                              payseal_buffer *private_out,
                              payseal_buffer *public_out,
                              payseal_buffer *error);
payseal_status payseal_endpoint(const uint8_t *gateway,
                                size_t gateway_len,
                                const uint8_t *operation,
                                size_t operation_len,
                                payseal_buffer *out,
                                payseal_buffer *error);
const char *payseal_status_text(uint32_t status);
payseal_status payseal_transactpay_new(const uint8_t *encryption_key,
                                       size_t encryption_key_len,
                                       const uint8_t *private_key,
                                       size_t private_key_len,
                                       uint32_t backend,
                                       payseal_transactpay **out,
                                       payseal_buffer *error);
void payseal_transactpay_free(payseal_transactpay *handle);
size_t payseal_transactpay_max_payload(const payseal_transactpay *transactpay);
payseal_status payseal_transactpay_seal(const payseal_transactpay *transactpay,
                                        const uint8_t *payload,
                                        size_t payload_len,
                                        payseal_buffer *out,
                                        payseal_buffer *error);
payseal_status payseal_transactpay_open(const payseal_transactpay *transactpay,
                                        const uint8_t *body,
                                        size_t body_len,
                                        payseal_buffer *out,
                                        payseal_buffer *error);
payseal_status payseal_transactpay_parse_response(uint16_t http_status,
                                                  const uint8_t *body,
                                                  size_t body_len,
                                                  payseal_buffer *out,
                                                  payseal_buffer *error);
const char *payseal_version(void);
uint32_t payseal_abi_version(void);
payseal_status payseal_selftest_panic(payseal_buffer *error);
