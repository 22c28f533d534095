# nashsim: the two commands a new user needs are `make run` and `make test`.
# Both install the Debian packages the build needs when they are missing (root or sudo required once).

SWIFT        ?= swift
DEB_PACKAGES := libglpk-dev libedit-dev
SCENARIO     ?= scenarios/highway-merge.yaml
GAME         ?= examples/battle-of-the-sexes.nfg

.PHONY: all deps build release run solve-example test bench merge-comparison clean

all: build

# Install GLPK (and libedit for the REPL) when their headers are missing.
deps:
	@missing=""; \
	for pkg in $(DEB_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product nashsim

# Builds in release mode and runs the default example (the default scenario once the simulator lands).
run: release
	@if [ -f "$(SCENARIO)" ]; then \
	  .build/release/nashsim run "$(SCENARIO)"; \
	else \
	  .build/release/nashsim solve "$(GAME)"; \
	fi

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

bench: deps
	$(SWIFT) run -c release nashsim-bench

# The merge game against the first-come-first-served baseline on the same traffic (about a minute).
merge-comparison: release
	.build/release/nashsim compare scenarios/merge-game-vs-baseline/*.yaml --seeds 10 \
	  --out results/merge-game-vs-baseline.md

clean:
	rm -rf .build
