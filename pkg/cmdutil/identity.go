package cmdutil

import (
	"fmt"

	"filippo.io/age"

	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
)

// Identities reads the key file a person named with --identity: age secret
// keys or an SSH private key, as `age -d -i` reads them. The key is never
// printed, and an error never quotes the file.
func Identities(path string) ([]age.Identity, error) {
	data, err := safefile.Read(path, 1<<20)
	if err != nil {
		return nil, &exit.Hinted{
			Err:  fmt.Errorf("reading the key %s: %v", words.Quote(path), err),
			Hint: "give --identity the file holding your age key (age-keygen -o FILE made it) or your SSH private key",
			Code: exit.Usage,
		}
	}
	ids, err := private.ParseIdentities(data)
	if err != nil {
		return nil, &exit.Hinted{
			Err:  fmt.Errorf("the key %s: %v", words.Quote(path), err),
			Hint: "give --identity the file holding your age key (age-keygen -o FILE made it) or your SSH private key",
			Code: exit.Usage,
		}
	}
	return ids, nil
}
