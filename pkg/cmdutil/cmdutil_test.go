package cmdutil

import (
	"errors"
	"testing"

	"github.com/spf13/cobra"
)

func TestFormat(t *testing.T) {
	if err := Format("json", "table", "json"); err != nil {
		t.Errorf("a format offered: %v", err)
	}
	for _, tc := range []struct {
		formats []string
		want    string
	}{
		{[]string{"markdown", "json"}, `--format "xml": want markdown or json`},
		{[]string{"markdown", "table", "json"}, `--format "xml": want markdown, table or json`},
		{[]string{"text", "json", "github", "sarif"}, `--format "xml": want one of text, json, github, sarif`},
	} {
		err := Format("xml", tc.formats...)
		var fe *FlagError
		if !errors.As(err, &fe) || err.Error() != tc.want {
			t.Errorf("Format(xml, %v) = %v (%T), want a FlagError %q", tc.formats, err, err, tc.want)
		}
	}
}

func TestUsage(t *testing.T) {
	check := Usage(cobra.ExactArgs(1))
	cmd := &cobra.Command{Use: "x"}
	if err := check(cmd, []string{"a"}); err != nil {
		t.Errorf("one argument: %v", err)
	}
	err := check(cmd, nil)
	var fe *FlagError
	if !errors.As(err, &fe) || err.Error() != "accepts 1 arg(s), received 0" || fe.ExitCode() != ExitUsage {
		t.Errorf("no argument: %v (%T)", err, err)
	}
}
