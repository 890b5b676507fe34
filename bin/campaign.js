#!/usr/bin/env node
// The `campaign` command: the compiled command line in dist/ (written by `npm ci` / `npm run compile`).
import { main } from "../dist/cli.js";

process.exitCode = await main(process.argv.slice(2));
