// Package archtest holds no code: its test reads the module's import graph (go list) and fails when a
// package reaches across the layers docs/architecture.md draws — cmd → (api | web) → httpkit → service →
// models → domain.
package archtest
