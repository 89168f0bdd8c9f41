// Keeps the mwb_smtp library non-empty until its area lands; delete when the first real source is added.
namespace mwb::placeholder_smtp {
int keep() { return 0; }
} // namespace mwb::placeholder_smtp
