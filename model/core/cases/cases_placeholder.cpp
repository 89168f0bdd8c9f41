// Keeps the mwb_cases library non-empty until its area lands; delete when the first real source is added.
namespace mwb::placeholder_cases {
int keep() { return 0; }
} // namespace mwb::placeholder_cases
