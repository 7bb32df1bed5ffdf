#!/usr/bin/env bash
# Builds the ECharts the pages load, static/js/vendor/echarts.min.js: only what the dashboard and the unit page draw
# (bar series, grid, tooltip, plain and scrolling legend, aria with decals, markLine; canvas and SVG renderers),
# 0.5 MB instead of the full 1 MB build, so a phone parses and runs half as much. Versions pinned in package.json
# and package-lock.json (echarts 5.3.1, esbuild). Run after changing entry.js; commit the output.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
OUT=../resources/static/js/vendor/echarts.min.js
npx esbuild entry.js --bundle --minify --format=iife --target=es2017 --legal-comments=none --define:process.env.NODE_ENV='"production"' \
  --banner:js="/*! Apache ECharts 5.3.1, a partial build (campaign-web/src/main/echarts). Licensed under the Apache License, Version 2.0: https://www.apache.org/licenses/LICENSE-2.0 */" \
  --outfile="$OUT"
ls -la "$OUT"
