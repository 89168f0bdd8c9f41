// Keeps the mwb_ingest library non-empty until its area lands; delete when the first real source is added.
namespace mwb::placeholder_ingest {
int keep() { return 0; }
} // namespace mwb::placeholder_ingest
