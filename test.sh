#!/usr/bin/env bash
# The README's test command: installs what the tests need when the machine lacks it, then
# builds everything and runs every test. Needs a JDK 17 or newer; on Debian or Ubuntu it
# installs the rest with apt-get (as root, or through sudo).
set -euo pipefail
cd "$(dirname "$0")"

JS_PEER=cloudevents-spring-core/src/test/js
# PlayerPageTests drives exactly these, never a downloaded browser
CHROMIUM=/usr/bin/chromium
CHROMEDRIVER=/usr/bin/chromedriver

missing=()
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
	missing+=(nodejs npm)
fi
if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ]; then
	missing+=(chromium chromium-driver)
fi

if [ ${#missing[@]} -gt 0 ]; then
	if ! command -v apt-get >/dev/null 2>&1; then
		echo "test.sh: install ${missing[*]} (the tests need $CHROMIUM, $CHROMEDRIVER and Node.js 20+), then run it again" >&2
		exit 1
	fi
	sudo=()
	if [ "$(id -u)" -ne 0 ]; then
		if ! command -v sudo >/dev/null 2>&1; then
			echo "test.sh: installing ${missing[*]} needs root: run it as root, or install them first" >&2
			exit 1
		fi
		sudo=(sudo)
	fi
	echo "test.sh: installing ${missing[*]} with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	"${sudo[@]}" apt-get update -qq
	"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# the JavaScript SDK 10 supports Node.js 20 to 24; an older one is tried, with a warning
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
	echo "test.sh: warning: Node.js $(node --version) is older than the 20 the JavaScript SDK supports" >&2
fi

# the JavaScript SDK, an interoperability peer driven by the tests
if [ ! -f "$JS_PEER/node_modules/cloudevents/package.json" ]; then
	(cd "$JS_PEER" && npm ci --no-audit --no-fund)
fi

exec ./mvnw -B verify
