// Keeps mwb_itemmodels non-empty until the first model lands; delete then.
namespace mwb::placeholder_itemmodels {
int keep() { return 0; }
} // namespace mwb::placeholder_itemmodels
