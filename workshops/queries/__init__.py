"""Reads, one module per view module (coach, manage, public, record, certificates); reads that several
of them share are in `common`. Import from the module itself: this package re-exports nothing."""
