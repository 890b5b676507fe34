#!/usr/bin/env node
// The `campaign` command: runs the TypeScript command line through tsx's loader.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));
