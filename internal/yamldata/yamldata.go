// Package yamldata reads the project's versioned data files — the templates, the modular-framework
// catalogue and the glossary — one way: strictly, so a mistyped key or a stray document separator stops
// the start-up (and the tests) instead of silently dropping part of the data.
package yamldata

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

// Decode reads exactly one YAML document into v. A key v has no field for is an error, and so is a second
// document: after a stray "---" everything below it would otherwise be ignored.
func Decode(data []byte, v any) error {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		return err
	}
	var next yaml.Node
	switch err := dec.Decode(&next); {
	case errors.Is(err, io.EOF):
		return nil
	case err != nil:
		return err
	}
	return fmt.Errorf("line %d: a second YAML document; one file holds one document", next.Line)
}
