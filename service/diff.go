package service

import (
	"strings"
	"unicode"
)

// DiffOp is one piece of a word-level diff.
type DiffOp struct {
	Op   string // "equal", "insert" or "delete"
	Text string
}

// maxDiffCells bounds the quadratic part of the diff; edits are usually local, so after the common
// prefix and suffix are cut the middle is small. Past the bound the middle is shown as replaced.
const maxDiffCells = 4_000_000

// diffWords compares two texts word by word (whitespace and punctuation are their own tokens), which
// reads well for Cyrillic and Latin alike.
func diffWords(a, b string) []DiffOp {
	x, y := tokens(a), tokens(b)
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	var ops []DiffOp
	ops = appendOp(ops, "equal", x[:pre]...)
	mx, my := x[pre:len(x)-suf], y[pre:len(y)-suf]
	if len(mx)*len(my) > maxDiffCells {
		ops = appendOp(ops, "delete", mx...)
		ops = appendOp(ops, "insert", my...)
	} else {
		ops = append(ops, lcsDiff(mx, my)...)
	}
	return appendOp(ops, "equal", x[len(x)-suf:]...)
}

// lcsDiff is the textbook longest-common-subsequence diff on tokens.
func lcsDiff(x, y []string) []DiffOp {
	n, m := len(x), len(y)
	lcs := make([][]int32, n+1)
	for i := range lcs {
		lcs[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if x[i] == y[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	// Tokens are gathered into runs and joined once per run: appending them one by one re-copies the
	// run's text each time, which made a diff against an empty revision quadratic in its length.
	var ops []DiffOp
	var run []string
	runOp := ""
	emit := func(op, tok string) {
		if op != runOp {
			ops = appendOp(ops, runOp, run...)
			run, runOp = run[:0], op
		}
		run = append(run, tok)
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && x[i] == y[j]:
			emit("equal", x[i])
			i, j = i+1, j+1
		case i < n && (j == m || lcs[i+1][j] >= lcs[i][j+1]): // deletions first: "old → new" reads naturally
			emit("delete", x[i])
			i++
		default:
			emit("insert", y[j])
			j++
		}
	}
	return appendOp(ops, runOp, run...)
}

// appendOp adds tokens, merging with the previous piece when it has the same op.
func appendOp(ops []DiffOp, op string, toks ...string) []DiffOp {
	if len(toks) == 0 {
		return ops
	}
	text := strings.Join(toks, "")
	if n := len(ops); n > 0 && ops[n-1].Op == op {
		ops[n-1].Text += text
		return ops
	}
	return append(ops, DiffOp{Op: op, Text: text})
}

// tokens splits text into words, runs of whitespace, and single other characters.
func tokens(s string) []string {
	var out []string
	runes := []rune(s)
	for i := 0; i < len(runes); {
		j := i + 1
		switch {
		case isWordRune(runes[i]):
			for j < len(runes) && isWordRune(runes[j]) {
				j++
			}
		case unicode.IsSpace(runes[i]):
			for j < len(runes) && unicode.IsSpace(runes[j]) {
				j++
			}
		}
		out = append(out, string(runes[i:j]))
		i = j
	}
	return out
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r) || r == '-' || r == '\''
}
