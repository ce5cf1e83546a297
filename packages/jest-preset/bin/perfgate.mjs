#!/usr/bin/env node
// The perfgate command (npx perfgate merge …), from @perfgate/core.
import { main } from '@perfgate/core/cli';

process.exitCode = main(process.argv.slice(2));
