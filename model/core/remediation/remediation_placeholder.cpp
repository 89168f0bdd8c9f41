// Keeps the mwb_remediation library non-empty until its area lands; delete when the first real source is added.
namespace mwb::placeholder_remediation {
int keep() { return 0; }
} // namespace mwb::placeholder_remediation
