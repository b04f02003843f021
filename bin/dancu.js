#!/usr/bin/env node
// The `dancu` command: runs the compiled CLI (built by `npm install` through the `prepare` script).
import '../dist/cli/entry.js';
