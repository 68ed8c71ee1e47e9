# govctl: make run builds govctl and validates networks/; make test runs every test.
GO      ?= go
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)
BIN     := bin/govctl

.PHONY: all build run test lint bench fuzz clean

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

clean:
	rm -rf bin
