package rules

// loaderRules are reported while files are read (package load); they are
// listed here so that every rule has one doc.
func loaderRules() []*Rule {
	return []*Rule{yamlSyntax, unknownField, wrongType, missingField, duplicateKey, badDate, idMismatch, missingFile, unknownFile, fileLimit, unsafePath, unreadableFile}
}
