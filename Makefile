# govctl: make run builds govctl and validates networks/; make test runs every test;
# make dist writes the release archives.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
BIN     := bin/govctl

.PHONY: all build run test lint bench fuzz man dist clean

all: build

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/govctl

run: build
	./$(BIN) validate networks

test:
	$(GO) vet ./...
	$(GO) test -race -count=1 ./...

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt: the files above need formatting"; exit 1)
	$(GO) tool staticcheck ./...

# Go benchmarks, then whole processes on corpora of 10, 100 and 1,000 bodies
# with ten years of monthly meetings each, beside the parsing floor.
BENCH_SIZES ?= 10,100,1000
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...
	$(GO) run ./tools/benchrun -sizes $(BENCH_SIZES)

# Every fuzz target of the module, one after the other, for FUZZTIME each:
#   go test -run '^$$' -fuzz '^FuzzLoad$$' -fuzztime $(FUZZTIME) ./pkg/load/
# and so on. The targets are found in the *_test.go files, so a new one is
# fuzzed too. A failing input is written under the package's testdata/fuzz/.
# Go before 1.27 can end a timed run with a bare "context deadline exceeded"
# and no failing input (golang/go#75804); that alone is not a failure.
FUZZTIME ?= 30s
fuzz:
	@set -e; log=$$(mktemp); trap 'rm -f "$$log"' EXIT; \
	grep -rEo --include='*_test.go' '^func Fuzz[A-Za-z0-9_]+' cmd pkg | sort | \
	while IFS=: read -r file fn; do \
		fn=$${fn#func }; pkg=./$$(dirname $$file)/; \
		echo "$(GO) test -run '^\$$' -fuzz '^$$fn\$$' -fuzztime $(FUZZTIME) $$pkg"; \
		if $(GO) test -run '^$$' -fuzz "^$$fn\$$" -fuzztime $(FUZZTIME) $$pkg >"$$log" 2>&1; then \
			cat "$$log"; \
		elif grep -q 'context deadline exceeded' "$$log" && ! grep -q 'Failing input written' "$$log"; then \
			cat "$$log"; echo "$$fn: Go's spurious deadline at the end of the run (golang/go#75804), no failing input: passed"; \
		else \
			cat "$$log"; exit 1; \
		fi; \
	done

# Man pages from the command tree, by tools/gendocs (not linked into govctl).
man:
	$(GO) run ./tools/gendocs man bin/man

# Release archives in dist/ for Linux, macOS and Windows on amd64 and arm64,
# VERSION stamped in, and their checksums (sha256sum -c checks them), by
# tools/dist: reproducible builds, every file in the archives at the time of
# the last commit (SOURCE_DATE_EPOCH in the environment overrides it).
# VERSION reaches tools/dist through the environment, not pasted into the
# command (git describe's tag may hold quotes or $$(...)), and tools/dist
# refuses any version that is not fit to name a file.
dist: export VERSION := $(VERSION)
dist:
	$(GO) run ./tools/dist -version "$$VERSION" -out dist

clean:
	rm -rf bin dist
