package rules

import "github.com/govctl/govctl/pkg/diag"

// ContactsLeak is a contacts file in clear in the repository.
const ContactsLeak ID = "contacts-leak"

var contactsLeak = &Rule{
	ID:       ContactsLeak,
	Title:    "a contacts file in clear in the repository",
	Severity: diag.Error,
	Doc: `
E-mail addresses are personal data, never in the public record. The
contacts file that govctl agenda email and govctl remind read is kept
outside the repository in clear (--contacts FILE, or GOVCTL_CONTACTS), or
inside it only encrypted with age (contacts in govctl.yaml names it). The
loader notes, without reading it, a file in clear where one is usually
left:

- contacts.yaml or contacts.yml at the top of the repository;
- the file govctl.yaml's contacts names, less its .age: the file it was
  encrypted from, left beside it.

Move the file out of the repository, or commit only its encrypted form
(age -R recipients.txt -o contacts.yaml.age contacts.yaml), and delete the
clear one from the repository and from its history: where it has been
pushed, treat the addresses as published. The papers do not hold the
addresses, so they are still written.
`,
	Check: func(p *Pass) {
		for _, pos := range p.Repo.Repo.ClearContacts {
			p.Reportf(pos, "a contacts file in clear: e-mail addresses are personal data; keep it outside the repository (--contacts FILE), or commit only its encrypted form (age -R recipients.txt -o FILE.age FILE), and delete this one from the repository and its history")
		}
	},
}
